import type { NormalizedValue } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { BASE_OPERATORS } from "./operators";

const NOT_DIGIT_RE = /\D/g;
const NINE_DIGITS_RE = /^\d{9}$/;
// Numbers the SSA has never issued: area 000, 666 or 900-999, group 00, serial 0000.
const NEVER_ISSUED_RE = /^(?:000|666|9\d\d)|^\d{3}00|0000$/;
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
    // As LeadConduit reads it: the digits, wherever they sit ("SSN 123-45-6789", "123/45/6789").
    const digits = raw.replace(NOT_DIGIT_RE, "");
    if (!NINE_DIGITS_RE.test(digits)) return invalidValue(raw);
    // Deliberately stricter than LeadConduit, which accepts these: no person can have one.
    if (NEVER_ISSUED_RE.test(digits)) return invalidValue(raw);
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
