import type { NormalizedValue } from "../model";

const BLANK_RE = /^\s*$/;

// Blank is not a format error: every type returns the same shape and rules test it with 'is blank'.
export function isBlank(raw: string): boolean {
  return BLANK_RE.test(raw);
}

export function blankValue(raw: string): NormalizedValue {
  return { raw, normal: null, valid: false };
}

// An unreadable value keeps what was typed (trimmed) so equality and pattern rules still see it.
export function invalidValue(raw: string, normal: string = raw.trim()): NormalizedValue {
  return { raw, normal, valid: false };
}
