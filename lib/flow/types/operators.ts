import type { Operator } from "../model";

// Operator sets shared by the field types; each type composes the ones its values support.
export const BASE_OPERATORS = [
  "is equal to",
  "is not equal to",
  "is blank",
  "is not blank",
  "format is valid",
  "format is invalid",
  "includes",
  "does not include",
  "is included in",
  "is not included in",
] as const satisfies readonly Operator[];

export const ORDERING_OPERATORS = [
  "is less than",
  "is less than or equal to",
  "is greater than",
  "is greater than or equal to",
  "is between",
  "is not between",
] as const satisfies readonly Operator[];

export const PATTERN_OPERATORS = ["matches pattern", "does not match pattern"] as const satisfies readonly Operator[];

export const TEXT_OPERATORS: readonly Operator[] = [...BASE_OPERATORS, ...PATTERN_OPERATORS];
export const ORDERED_OPERATORS: readonly Operator[] = [...BASE_OPERATORS, ...ORDERING_OPERATORS];
