import type { NormalizedValue } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { type CalendarDate, centuryEarlier, formatIsoDate } from "./calendar";
import { readDate } from "./date";
import { ORDERED_OPERATORS } from "./operators";

const DIGIT_RE = /\d/g;

function birthdayMs(dob: CalendarDate, year: number): number {
  // Date.UTC rolls Feb 29 into Mar 1 in common years: a leapling comes of age on Mar 1.
  return Date.UTC(year, dob.month - 1, dob.day);
}

// Age in years as of `now` (UTC calendar), rounded down to one decimal so that "age >= 18"
// turns true on the 18th birthday itself and never a day early.
export function ageOn(dob: CalendarDate, now: Date): number {
  const nowMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let years = now.getUTCFullYear() - dob.year;
  if (birthdayMs(dob, dob.year + years) > nowMs) years -= 1;
  const last = birthdayMs(dob, dob.year + years);
  const next = birthdayMs(dob, dob.year + years + 1);
  const fraction = (nowMs - last) / (next - last);
  return Math.floor(years * 10 + fraction * 10 + 1e-9) / 10;
}

// `now` is injectable so tests (and replays of old leads) get a stable age.
export function parseDob(raw: string, now: Date = new Date()): NormalizedValue {
  if (isBlank(raw)) return blankValue(raw);
  let date = readDate(raw);
  if (!date) return invalidValue(raw);
  // A guessed century that puts the birth in the future is the wrong one: "6/2/50" is 1950.
  // Deliberately unlike LeadConduit, which reads it as 2050 and gives a negative age.
  if (date.twoDigitYear && ageOn(date, now) < 0) date = centuryEarlier(date) ?? date;
  const normal = formatIsoDate(date);
  const age = ageOn(date, now);
  // A birth date in the future is a typo or junk, not a person: flag it for 'format is valid'.
  if (age < 0) return { raw, normal, valid: false, age: null, year: date.year };
  return { raw, normal, valid: true, age, year: date.year };
}

// Stored and shown as **/**/YYYY: age and year stay usable by rules and reports.
export function maskDob(value: NormalizedValue): NormalizedValue {
  if (value.normal === null) return value;
  const year = typeof value.year === "number" ? value.year : null;
  const masked = year === null ? value.raw.replace(DIGIT_RE, "*") : `**/**/${year}`;
  return { ...value, raw: masked, normal: masked, masked: true };
}

export const dobType: FieldType = {
  name: "dob",
  operators: ORDERED_OPERATORS,
  compareAs: "date",
  parse: (raw) => parseDob(raw),
  mask: maskDob,
};
