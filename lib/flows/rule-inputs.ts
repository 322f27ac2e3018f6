// What the rule editor asks for after an operator: nothing, one value, a list, or two bounds.
// Lists and bounds are stored as arrays so "includes" never mistakes "a, b" for one value.
import type { Operator, Rule } from "@/lib/flow/model";

export type ValueInput = "none" | "value" | "list" | "range";

const INPUT: Record<Operator, ValueInput> = {
  "is equal to": "value",
  "is not equal to": "value",
  "is blank": "none",
  "is not blank": "none",
  "format is valid": "none",
  "format is invalid": "none",
  includes: "list",
  "does not include": "list",
  "is included in": "list",
  "is not included in": "list",
  "is less than": "value",
  "is less than or equal to": "value",
  "is greater than": "value",
  "is greater than or equal to": "value",
  "is between": "range",
  "is not between": "range",
  "matches pattern": "value",
  "does not match pattern": "value",
  "is true": "none",
  "is false": "none",
};

export const valueInputOf = (op: Operator): ValueInput => INPUT[op];

export const isOrdering = (op: Operator): boolean =>
  op.startsWith("is less") || op.startsWith("is greater") || op === "is between" || op === "is not between";

export const isPattern = (op: Operator): boolean => op === "matches pattern" || op === "does not match pattern";

// Keeps what can be kept when the operator changes: one value stays one value, a list stays a list.
export function withOperator(rule: Rule, op: Operator): Rule {
  const input = INPUT[op];
  const values = Array.isArray(rule.rhv) ? rule.rhv : rule.rhv === undefined || rule.rhv === "" ? [] : [rule.rhv];
  if (input === "none") return { lhv: rule.lhv, op };
  if (input === "value") return { lhv: rule.lhv, op, rhv: values[0] ?? "" };
  if (input === "range") return { lhv: rule.lhv, op, rhv: [values[0] ?? "", values[1] ?? ""] };
  return { lhv: rule.lhv, op, rhv: values };
}

// "TX, CA" or one per line -> ["TX", "CA"]; the editor keeps the typed text, the config the items.
export function splitList(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
