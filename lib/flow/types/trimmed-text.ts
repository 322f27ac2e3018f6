import type { TypeName } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

// Names and cities differ from string only in dropping surrounding whitespace, which vendors
// often pad with; any non-blank text is a valid name.
export function trimmedTextType(name: TypeName): FieldType {
  return {
    name,
    operators: TEXT_OPERATORS,
    compareAs: "text",
    parse(raw) {
      if (isBlank(raw)) return blankValue(raw);
      return { raw, normal: raw.trim(), valid: true };
    },
  };
}
