import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const SPACES_RE = /\s+/g;
// "<number> <name>": the number may carry a unit letter or a range ("123B", "12-14", "1/2").
const STREET_RE = /^(\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)\s+(\S.*)$/;

export const streetType: FieldType = {
  name: "street",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim().replace(SPACES_RE, " ");
    const m = STREET_RE.exec(text);
    if (!m) return invalidValue(raw, text);
    return { raw, normal: text, valid: true, number: m[1]!, name: m[2]! };
  },
};
