// Edits the flow editor makes to a FlowConfig, as pure functions (the client component holds the
// config; the server validates whatever it is sent). No server code here: it ships to the browser.
import { makeRequiredCriterion, requiredCriterionId, requiredFieldIds } from "@/lib/flow/acceptance";
import { isRuleSet } from "@/lib/flow/describe-rule";
import type { Cap, Criterion, FieldDef, Rule, RuleSet, Step } from "@/lib/flow/model";

// Short ids for criteria, caps and steps; unique within a flow is all they need.
export const newItemId = (prefix: string): string => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

// "Loan Amount (USD)" -> "loan_amount_usd": the id a custom field is posted under.
export function fieldIdFromLabel(label: string): string {
  const id = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(id) ? id : id === "" ? "" : `field_${id}`;
}

const isNotBlankOf = (fieldId: string) => (node: Rule | RuleSet) =>
  !isRuleSet(node) && node.op === "is not blank" && node.lhv === fieldId;

// Turning "required" off removes every top-level "is not blank" that makes the field required, so
// the toggle reads off afterwards even for criteria the account holder wrote by hand.
export function setFieldRequired(acceptance: Criterion[], field: FieldDef, required: boolean): Criterion[] {
  const isRequired = requiredFieldIds(acceptance).includes(field.id);
  if (required) return isRequired ? acceptance : [...acceptance, makeRequiredCriterion(field.id, field.label)];
  return acceptance
    .filter((c) => c.id !== requiredCriterionId(field.id))
    .map((c) => {
      const makesRequired = c.ruleSet.op === "and" || c.ruleSet.rules.length === 1;
      return makesRequired ? { ...c, ruleSet: { ...c.ruleSet, rules: c.ruleSet.rules.filter((n) => !isNotBlankOf(field.id)(n)) } } : c;
    })
    .filter((c) => c.ruleSet.rules.length > 0);
}

export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

const emptyRules = (): RuleSet => ({ op: "and", rules: [] });

export function newStep(type: Step["type"], fields: readonly FieldDef[]): Step {
  const base = { id: newItemId(type), criteria: emptyRules(), caps: [] };
  if (type === "filter") return { ...base, type, name: "Filter", ruleSet: emptyRules(), outcome: "failure", reason: "" };
  if (type === "dedupe") {
    const preferred = fields.find((f) => f.id === "email") ?? fields[0];
    return { ...base, type, name: "Duplicate check", fields: preferred ? [preferred.id] : [], windowDays: null };
  }
  return { ...base, type, name: "Deliver to buyer", url: "", format: "json", mappings: [], timeoutMs: 10_000 };
}

// A new volume cap or ping limit (same shape): 100 a day, counting everything until rules are added.
export function newCap(kind: "cap" | "ping-limit"): Cap {
  return { id: newItemId(kind), limit: 100, period: "day", ruleSet: emptyRules() };
}

export function newRule(fields: readonly FieldDef[]): Rule {
  return { lhv: fields[0]?.id ?? "", op: "is not blank" };
}

// Rules may also name is_test (set on test leads), so a step can be skipped for them.
export function ruleFieldsOf(fields: readonly FieldDef[], standardFields: readonly FieldDef[]): FieldDef[] {
  const isTest = standardFields.find((f) => f.id === "is_test");
  return isTest && !fields.some((f) => f.id === "is_test") ? [...fields, isTest] : [...fields];
}
