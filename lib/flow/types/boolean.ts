import type { Operator } from "../model";
import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";

const NON_ALNUM_RE = /[^a-z0-9]/g;
const TOKENS: ReadonlyMap<string, boolean> = new Map([
  ["yes", true],
  ["y", true],
  ["true", true],
  ["t", true],
  ["1", true],
  ["on", true],
  ["no", false],
  ["n", false],
  ["false", false],
  ["f", false],
  ["0", false],
  ["off", false],
]);

const OPERATORS: readonly Operator[] = [
  "is true",
  "is false",
  "is equal to",
  "is not equal to",
  "is blank",
  "is not blank",
  "format is valid",
  "format is invalid",
];

export const booleanType: FieldType = {
  name: "boolean",
  operators: OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const value = TOKENS.get(raw.toLowerCase().replace(NON_ALNUM_RE, ""));
    // An unknown token reads as false (as LeadConduit does) but is flagged so rules can catch it.
    if (value === undefined) return { raw, normal: false, valid: false };
    return { raw, normal: value, valid: true };
  },
};
