import type { NormalizedValue } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { BASE_OPERATORS } from "./operators";

const SEPARATORS_RE = /[\s.-]/g;
const NINE_DIGITS_RE = /^\d{9}$/;
const DIGIT_RE = /\d/g;

// Hides every digit except the last four, keeping separators: "123-45-6789" -> "***-**-6789".
function maskDigits(text: string): string {
  let keep = 0;
  for (let i = text.length - 1; i >= 0 && keep < 4; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) keep = keep + 1;
    if (keep === 4) return text.slice(0, i).replace(DIGIT_RE, "*") + text.slice(i);
  }
  return text.replace(DIGIT_RE, "*");
}

export function maskSsn(value: NormalizedValue): NormalizedValue {
  if (value.normal === null) return value;
  const masked: NormalizedValue = {
    ...value,
    raw: maskDigits(value.raw),
    normal: maskDigits(String(value.normal)),
    masked: true,
  };
  if (value.valid) {
    masked.first_three = "***";
    masked.middle_two = "**";
  }
  return masked;
}

export const ssnType: FieldType = {
  name: "ssn",
  operators: BASE_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    // Only separators are dropped: letters mixed in mean this is not an SSN.
    const digits = raw.replace(SEPARATORS_RE, "");
    if (!NINE_DIGITS_RE.test(digits)) return invalidValue(raw);
    return {
      raw,
      normal: digits,
      valid: true,
      first_three: digits.slice(0, 3),
      middle_two: digits.slice(3, 5),
      last_four: digits.slice(5),
    };
  },
  mask: maskSsn,
};
