import { type CalendarDate, parseCalendarDate } from "./calendar";

// A date followed by a clock time and an optional zone: ISO 8601 ("2014-06-02T10:00:00.123Z"),
// Date#toString ("Mon Jun 02 2014 10:00:00 GMT-0500 (CDT)"), RFC 2822, "6/2/2014 10:00 AM".
// Read by hand rather than with Date.parse, which rolls "Feb 30" into March and reads a
// zone-less time in the server's local zone.
const DATE_TIME_RE =
  /^(.+?)(?:T|,?\s+(?:at\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([ap])\.?m\.?)?\s*(.*)$/i;
const ZONE_RE = /^(?:(z|utc|gmt|ut)|([ecmp][sd]t))?\s*(?:([+-])(\d{2}):?(\d{2}))?\s*(?:\([^)]*\))?$/i;
// US zone abbreviations Date#toString and RFC 2822 emit, as minutes east of UTC.
const NAMED_ZONES: ReadonlyMap<string, number> = new Map([
  ["est", -300],
  ["edt", -240],
  ["cst", -360],
  ["cdt", -300],
  ["mst", -420],
  ["mdt", -360],
  ["pst", -480],
  ["pdt", -420],
]);
const EPOCH_SECONDS_RE = /^\d{10}$/;
const EPOCH_MILLIS_RE = /^\d{13}$/;

export type DateTime = { date: CalendarDate; epochMs: number };

function zoneOffsetMinutes(zone: string): number | null {
  const m = ZONE_RE.exec(zone);
  if (!m) return null;
  if (m[2]) return NAMED_ZONES.get(m[2].toLowerCase()) ?? null;
  if (m[3] === undefined) return 0; // no offset given: read as UTC so results never depend on the server
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  if (hours > 14 || minutes > 59) return null;
  return (m[3] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function clockHour(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === "p";
  return (hour % 12) + (pm ? 12 : 0);
}

function utcMs(date: CalendarDate, h = 0, min = 0, s = 0, ms = 0): number {
  return Date.UTC(date.year, date.month - 1, date.day, h, min, s, ms);
}

export function parseDateTime(input: string): DateTime | null {
  const text = input.trim();
  if (EPOCH_SECONDS_RE.test(text) || EPOCH_MILLIS_RE.test(text)) {
    const epochMs = text.length === 10 ? Number(text) * 1000 : Number(text);
    const d = new Date(epochMs);
    return { date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, epochMs };
  }

  const dateOnly = parseCalendarDate(text);
  if (dateOnly) return { date: dateOnly, epochMs: utcMs(dateOnly) };

  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const date = parseCalendarDate(m[1]!);
  const hour = clockHour(Number(m[2]), m[6]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const offset = zoneOffsetMinutes(m[7]!);
  if (!date || hour === null || minute > 59 || second > 59 || offset === null) return null;
  const ms = m[5] === undefined ? 0 : Number(`${m[5]}00`.slice(0, 3));
  return { date, epochMs: utcMs(date, hour, minute, second, ms) - offset * 60_000 };
}
