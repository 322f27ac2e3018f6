// Times as the account reads them: its own time zone, "2025-03-09 14:05:00", sortable in a spreadsheet.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

export const formatMoney = (value: number): string =>
  value.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number): string => value.toLocaleString("en-US");

// The zone's short name at that moment ("CST", "CDT", "UTC"; "GMT+1" where no abbreviation is in
// common use), so a time on a page always says which clock it is on.
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

export function zoneName(at: Date, timeZone: string): string {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

// "2025-03-09 14:05:00 CDT": the account's time with its zone named.
export const formatDateTimeZoned = (at: Date, timeZone: string): string => `${formatDateTime(at, timeZone)} ${zoneName(at, timeZone)}`;

// The line a list or a lead's header shows: the name as the source sent it (the lowercase search key
// only for older leads without it), email, phone.
export function contactLine(lead: { displayName: string | null; name: string | null; email: string | null; phone: string | null }): string {
  return [lead.displayName ?? lead.name, lead.email, lead.phone].filter(Boolean).join(" · ");
}
