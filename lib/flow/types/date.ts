import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { type CalendarDate, formatIsoDate, parseCalendarDate, parseSixDigitDate } from "./calendar";
import { parseDateTime } from "./date-time";
import { ORDERED_OPERATORS } from "./operators";

// A timestamp sent to a date field keeps the calendar date as written, whatever its zone.
export function readDate(text: string): CalendarDate | null {
  return parseCalendarDate(text) ?? parseSixDigitDate(text) ?? parseDateTime(text)?.date ?? null;
}

export const dateType: FieldType = {
  name: "date",
  operators: ORDERED_OPERATORS,
  compareAs: "date",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const date = readDate(raw);
    if (!date) return invalidValue(raw);
    return { raw, normal: formatIsoDate(date), valid: true };
  },
};
