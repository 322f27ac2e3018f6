// Cap periods: a cap's counter covers the period containing the lead's time, with periods
// measured on the account's wall clock (weeks start Monday), so a "day" is 23 or 25 hours across DST.
import type { Cap } from "./model";

export type CapPeriod = Cap["period"];
export type PeriodBounds = { start: Date; end: Date };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

// The zone's UTC offset at an instant, in ms (Chicago in winter: -6h).
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallMs - Math.floor(ms / SECOND) * SECOND;
}

// The first instant whose wall clock reads wallMs (a wall time written as if it were UTC).
// A repeated wall time (clocks going back) gives its first occurrence; a skipped one
// (clocks going forward over it) gives the moment the clocks jumped.
function wallToInstant(wallMs: number, timeZone: string): number {
  const offsets = [offsetAt(wallMs - DAY, timeZone), offsetAt(wallMs + DAY, timeZone)].sort((a, b) => b - a);
  for (const offset of offsets) {
    const instant = wallMs - offset;
    if (offsetAt(instant, timeZone) === offset) return instant;
  }
  let [low, high] = offsets.map((offset) => wallMs - offset) as [number, number];
  while (high - low > SECOND) {
    const middle = Math.floor((low + high) / 2 / SECOND) * SECOND;
    if (middle + offsetAt(middle, timeZone) >= wallMs) high = middle;
    else low = middle;
  }
  return high;
}

function startOfDayWall(wall: WallClock, period: "day" | "week" | "month", shift: number): number {
  if (period === "month") return Date.UTC(wall.year, wall.month - 1 + shift, 1);
  if (period === "day") return Date.UTC(wall.year, wall.month - 1, wall.day + shift);
  const sinceMonday = (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
  return Date.UTC(wall.year, wall.month - 1, wall.day - sinceMonday + 7 * shift);
}

function computeBounds(period: CapPeriod, ms: number, timeZone: string): [number, number] {
  const wall = wallClock(ms, timeZone);
  if (period === "minute" || period === "hour") {
    // Subtracting the wall time elapsed in this minute/hour keeps half-hour zones and DST repeats right.
    const millis = ((ms % SECOND) + SECOND) % SECOND;
    const start = ms - (period === "hour" ? wall.minute * MINUTE : 0) - wall.second * SECOND - millis;
    return [start, start + (period === "hour" ? HOUR : MINUTE)];
  }
  return [
    wallToInstant(startOfDayWall(wall, period, 0), timeZone),
    wallToInstant(startOfDayWall(wall, period, 1), timeZone),
  ];
}

// One import checks caps for every row at nearly the same time: remember the last period per zone.
const lastBounds = new Map<string, [number, number]>();

export function periodBounds(period: CapPeriod, at: Date, timeZone: string): PeriodBounds {
  const ms = at.getTime();
  const key = `${period}|${timeZone}`;
  let bounds = lastBounds.get(key);
  if (!bounds || ms < bounds[0] || ms >= bounds[1]) {
    bounds = computeBounds(period, ms, timeZone);
    if (lastBounds.size >= 1000) lastBounds.clear();
    lastBounds.set(key, bounds);
  }
  return { start: new Date(bounds[0]), end: new Date(bounds[1]) };
}

// The start of the cap period containing `at` in the account's IANA time zone.
// Throws RangeError for an unknown zone: validate it where the account saves it.
export function periodStart(period: CapPeriod, at: Date, timeZone: string): Date {
  return periodBounds(period, at, timeZone).start;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
