import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { ORDERED_OPERATORS } from "./operators";

// Currency symbols, thousands separators and units are dropped: "$1,000.00" is 1000.
const NON_NUMERIC_RE = /[^\d.-]/g;
const HAS_DIGIT_RE = /\d/;
// Scientific notation, as spreadsheets export large or small values: "1e3", "1.5E-2".
const EXPONENT_RE = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)e[-+]?\d+\s*$/i;

export function parseNumber(text: string): number {
  // Read before the clean-up below, which would drop the "e" and make "1e3" 13.
  if (EXPONENT_RE.test(text)) return Number(text);
  const cleaned = text.replace(NON_NUMERIC_RE, "");
  // Number("") is 0; a value with no digits must not read as zero.
  if (!HAS_DIGIT_RE.test(cleaned)) return NaN;
  return Number(cleaned);
}

export const numberType: FieldType = {
  name: "number",
  operators: ORDERED_OPERATORS,
  compareAs: "number",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const n = parseNumber(raw);
    if (Number.isNaN(n)) return invalidValue(raw);
    return { raw, normal: n, valid: true };
  },
};
