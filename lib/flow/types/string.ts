import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

// Free text is kept exactly as sent: trimming here could change what a recipient receives.
export const stringType: FieldType = {
  name: "string",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    return { raw, normal: raw, valid: true };
  },
};
