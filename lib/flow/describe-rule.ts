// Plain-English text for rules: the rule editor, Submission Docs, and the reasons a lead fails.
import type { Operator, Rule, RuleSet } from "./model";

export type LabelOf = (fieldId: string) => string;
export type DescribeOptions = { labelOf?: LabelOf };

// "loan_amount" -> "Loan amount"; used when the flow gives no label for a field.
export function defaultLabel(fieldId: string): string {
  const words = fieldId.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// "phone_1.area" -> "<label of phone_1> area": only the field id has an account-given label.
export function labelForPath(lhv: string, labelOf: LabelOf = defaultLabel): string {
  const [fieldId = "", ...components] = lhv.split(".");
  const label = labelOf(fieldId);
  if (components.length === 0) return label;
  return `${label} ${components.join(" ").replace(/_/g, " ")}`;
}

// How an operator reads rhv: nothing, one value, any of several values (a list only when given
// as an array), or a list / two bounds that may also be typed as "TX, CA" or one per line.
type Takes = "none" | "value" | "anyOf" | "list" | "range";
type Wording = { rule: string; failure: string; takes: Takes };

const WORDING: Record<Operator, Wording> = {
  "is equal to": { rule: "is equal to", failure: "must be", takes: "value" },
  "is not equal to": { rule: "is not equal to", failure: "must not be", takes: "value" },
  "is blank": { rule: "is blank", failure: "must be blank", takes: "none" },
  "is not blank": { rule: "is not blank", failure: "must not be blank", takes: "none" },
  "format is valid": { rule: "format is valid", failure: "must be in a valid format", takes: "none" },
  "format is invalid": { rule: "format is invalid", failure: "must be in an invalid format", takes: "none" },
  includes: { rule: "includes", failure: "must include", takes: "anyOf" },
  "does not include": { rule: "does not include", failure: "must not include", takes: "anyOf" },
  "is included in": { rule: "is included in", failure: "must be one of", takes: "list" },
  "is not included in": { rule: "is not included in", failure: "must not be one of", takes: "list" },
  "is less than": { rule: "is less than", failure: "must be less than", takes: "value" },
  "is less than or equal to": {
    rule: "is less than or equal to",
    failure: "must be less than or equal to",
    takes: "value",
  },
  "is greater than": { rule: "is greater than", failure: "must be greater than", takes: "value" },
  "is greater than or equal to": {
    rule: "is greater than or equal to",
    failure: "must be greater than or equal to",
    takes: "value",
  },
  "is between": { rule: "is between", failure: "must be between", takes: "range" },
  "is not between": { rule: "is not between", failure: "must not be between", takes: "range" },
  "matches pattern": { rule: "matches pattern", failure: "must match the pattern", takes: "value" },
  "does not match pattern": {
    rule: "does not match pattern",
    failure: "must not match the pattern",
    takes: "value",
  },
  "is true": { rule: "is true", failure: "must be true", takes: "none" },
  "is false": { rule: "is false", failure: "must be false", takes: "none" },
};

function trimmedItems(items: string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

// The rule's right-hand values, trimmed and without blanks. Rule evaluation reads rhv through this too.
export function rhvValues(rule: Rule): string[] {
  const { rhv } = rule;
  switch (WORDING[rule.op].takes) {
    case "none":
      return [];
    case "value":
      return trimmedItems([Array.isArray(rhv) ? (rhv[0] ?? "") : (rhv ?? "")]);
    case "anyOf":
      return trimmedItems(Array.isArray(rhv) ? rhv : [rhv ?? ""]);
    case "list":
      return trimmedItems(Array.isArray(rhv) ? rhv : (rhv ?? "").split(/[,\r\n]+/));
    case "range":
      return trimmedItems(Array.isArray(rhv) ? rhv : (rhv ?? "").split(/[,\r\n]+/)).slice(0, 2);
  }
}

function sentence(rule: Rule, phrase: string, opts: DescribeOptions): string {
  const values = rhvValues(rule);
  const operand = values.join(WORDING[rule.op].takes === "range" ? " and " : ", ");
  const subject = labelForPath(rule.lhv, opts.labelOf);
  return operand === "" ? `${subject} ${phrase}` : `${subject} ${phrase} ${operand}`;
}

// "State is included in TX, CA"
export function describeRule(rule: Rule, opts: DescribeOptions = {}): string {
  return sentence(rule, WORDING[rule.op].rule, opts);
}

// What the lead should have had: "State must be one of TX, CA", "Email must not be blank".
export function describeFailure(rule: Rule, opts: DescribeOptions = {}): string {
  return sentence(rule, WORDING[rule.op].failure, opts);
}

export function isRuleSet(node: Rule | RuleSet): node is RuleSet {
  return Array.isArray((node as RuleSet).rules);
}

function describeNode(node: Rule | RuleSet, opts: DescribeOptions): string {
  if (!isRuleSet(node)) return describeRule(node, opts);
  const inner = describeRuleSet(node, opts);
  return node.rules.length > 1 ? `(${inner})` : inner;
}

// Acceptance criteria on docs pages: "All of: Email is not blank; State is included in TX, CA".
// A single rule reads as itself; nested sets sit in parentheses.
export function describeRuleSet(ruleSet: RuleSet, opts: DescribeOptions = {}): string {
  if (ruleSet.rules.length === 0) return "No conditions";
  const parts = ruleSet.rules.map((node) => describeNode(node, opts));
  if (parts.length === 1) return parts[0] ?? "";
  return `${ruleSet.op === "and" ? "All of" : "Any of"}: ${parts.join("; ")}`;
}
