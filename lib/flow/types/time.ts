import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { parseDateTime } from "./date-time";
import { ORDERED_OPERATORS } from "./operators";

export const timeType: FieldType = {
  name: "time",
  operators: ORDERED_OPERATORS,
  compareAs: "date",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const parsed = parseDateTime(raw);
    if (!parsed) return invalidValue(raw);
    const instant = new Date(parsed.epochMs);
    // Year 10000+ has no ISO form; treat it as unreadable rather than throw.
    if (Number.isNaN(instant.getTime()) || parsed.epochMs >= 253402300800000) return invalidValue(raw);
    return { raw, normal: instant.toISOString(), valid: true };
  },
};
