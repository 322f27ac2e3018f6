import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { BASE_OPERATORS } from "./operators";

const GENDERS: ReadonlyMap<string, { normal: string; abbr: string }> = new Map([
  ["m", { normal: "male", abbr: "M" }],
  ["male", { normal: "male", abbr: "M" }],
  ["f", { normal: "female", abbr: "F" }],
  ["female", { normal: "female", abbr: "F" }],
  ["o", { normal: "other", abbr: "O" }],
  ["other", { normal: "other", abbr: "O" }],
]);

export const genderType: FieldType = {
  name: "gender",
  operators: BASE_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const gender = GENDERS.get(raw.trim().toLowerCase());
    if (!gender) return invalidValue(raw);
    return { raw, normal: gender.normal, valid: true, abbr: gender.abbr };
  },
};
