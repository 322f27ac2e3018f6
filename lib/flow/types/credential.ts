import type { NormalizedValue } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { BASE_OPERATORS } from "./operators";

// Fixed width so the mask does not reveal the secret's length.
const MASK = "********";

export function maskCredential(value: NormalizedValue): NormalizedValue {
  if (value.normal === null) return value;
  return { ...value, raw: MASK, normal: MASK, masked: true };
}

// Passwords and API keys pass through byte for byte: any normalization could break them.
export const credentialType: FieldType = {
  name: "credential",
  operators: BASE_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    return { raw, normal: raw, valid: true };
  },
  mask: maskCredential,
};
