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
