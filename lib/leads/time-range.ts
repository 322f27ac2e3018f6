// Time frames on the account's wall clock: "today" in Chicago starts at Chicago's midnight, and a
// day across a DST change is 23 or 25 hours long. Bounds are half-open: from <= submitted_at < to.
import { z } from "zod";
import { periodBounds } from "@/lib/flow/caps-period";

export const RANGES = ["today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month", "all", "custom"] as const;
export const rangeSchema = z.enum(RANGES);
export type RangeName = z.infer<typeof rangeSchema>;

export const RANGE_LABELS: Record<RangeName, string> = {
  today: "Today",
  yesterday: "Yesterday",
  last_7_days: "Last 7 days",
  last_30_days: "Last 30 days",
  this_month: "This month",
  last_month: "Last month",
  all: "All time",
  custom: "Custom dates",
};

export const DEFAULT_RANGE: RangeName = "last_7_days";

// A real calendar date (JavaScript reads 2025-02-31 as March 3rd) in the years 1900 to 9998: years
// below 100 read as 19xx, and the day after 9999-12-31 is sent to PostgreSQL as "+010000-…", which it
// cannot read. Anything else is ignored.
const isCalendarDate = (d: string) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
};
const dateSchema = z
  .string()
  .regex(/^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/)
  .refine((d) => d < "9999" && isCalendarDate(d));

// What a page's search params say about the time frame; anything unreadable falls back to the default.
export const timeFrameSchema = z.object({
  range: rangeSchema.catch(DEFAULT_RANGE).default(DEFAULT_RANGE),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
});
export type TimeFrame = z.infer<typeof timeFrameSchema>;

export type Bounds = { from: Date | null; to: Date | null };

type WallDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClockAt(at: Date, timeZone: string): WallDate & { hour: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric" });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) };
}

function wallDateAt(at: Date, timeZone: string): WallDate {
  const { year, month, day } = wallClockAt(at, timeZone);
  return { year, month, day };
}

// The first instant of a wall-clock date in the zone. Noon of that date, read with the zone's offset
// at UTC noon (to the hour), lands within a few hours of the real noon, so its day is the date.
export function startOfWallDate(year: number, month: number, day: number, timeZone: string): Date {
  const noonUtc = Date.UTC(year, month - 1, day, 12);
  const wall = wallClockAt(new Date(noonUtc), timeZone);
  const offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour) - noonUtc;
  return periodBounds("day", new Date(noonUtc - offset), timeZone).start;
}

const shift = (d: WallDate, days: number): WallDate => {
  const ms = Date.UTC(d.year, d.month - 1, d.day + days);
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};
const start = (d: WallDate, timeZone: string) => startOfWallDate(d.year, d.month, d.day, timeZone);
const parseDate = (s: string): WallDate => {
  const [year, month, day] = s.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

export function resolveTimeFrame(frame: TimeFrame, timeZone: string, now: Date = new Date()): Bounds {
  const today = wallDateAt(now, timeZone);
  const tomorrow = start(shift(today, 1), timeZone);
  const firstOfMonth = { ...today, day: 1 };
  switch (frame.range) {
    case "today":
      return { from: start(today, timeZone), to: tomorrow };
    case "yesterday":
      return { from: start(shift(today, -1), timeZone), to: start(today, timeZone) };
    case "last_7_days":
      return { from: start(shift(today, -6), timeZone), to: tomorrow };
    case "last_30_days":
      return { from: start(shift(today, -29), timeZone), to: tomorrow };
    case "this_month":
      return { from: start(firstOfMonth, timeZone), to: start(nextMonth(firstOfMonth), timeZone) };
    case "last_month":
      return { from: start(previousMonth(firstOfMonth), timeZone), to: start(firstOfMonth, timeZone) };
    case "all":
      return { from: null, to: null };
    case "custom": {
      // Either end may be left open; the "to" date is included whole.
      const from = frame.from ? start(parseDate(frame.from), timeZone) : null;
      const to = frame.to ? start(shift(parseDate(frame.to), 1), timeZone) : null;
      return from && to && to < from ? { from: to, to: from } : { from, to };
    }
  }
}

const nextMonth = (d: WallDate): WallDate => (d.month === 12 ? { year: d.year + 1, month: 1, day: 1 } : { ...d, month: d.month + 1, day: 1 });
const previousMonth = (d: WallDate): WallDate => (d.month === 1 ? { year: d.year - 1, month: 12, day: 1 } : { ...d, month: d.month - 1, day: 1 });

// The wall-clock date of an instant, as YYYY-MM-DD: day keys of reports and dates in exports.
export function wallDateKey(at: Date, timeZone: string): string {
  const d = wallDateAt(at, timeZone);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

// Every day key from `from` up to (not including) `to`, for charts that show empty days too.
export function dayKeys(bounds: Bounds, timeZone: string, max = 366): string[] {
  if (!bounds.from || !bounds.to) return [];
  const keys: string[] = [];
  let day = wallDateAt(bounds.from, timeZone);
  while (keys.length < max && start(day, timeZone) < bounds.to) {
    keys.push(`${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`);
    day = shift(day, 1);
  }
  return keys;
}
