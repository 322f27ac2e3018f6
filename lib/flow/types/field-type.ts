import type { NormalizedValue, Operator, TypeName } from "../model";

// A field type turns a raw value into { raw, normal, valid, ...components }.
// An invalid value never rejects a lead by itself: rules decide.
export interface FieldType {
  name: TypeName;
  parse(raw: string): NormalizedValue;
  // Operators the rule editor offers for this type.
  operators: readonly Operator[];
  // Comparison kind used by ordering operators (less than, between).
  compareAs: "text" | "number" | "date";
  // Masked types (ssn, credential, dob) are stored and shown masked.
  mask?(value: NormalizedValue): NormalizedValue;
}
