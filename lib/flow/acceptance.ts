// Acceptance criteria: the minimum a lead needs before the flow does anything with it.
// Callers pass flow criteria then source criteria; the first failing criterion's reason is the lead's.
import type { Criterion, NormalizedLead, Rule } from "./model";
import { evaluateRuleSet, isRuleSet, type RuleOptions } from "./rules";

export type AcceptanceResult =
  | { pass: true }
  | { pass: false; reason: string; criterionId: string; failures: string[] };

export function checkAcceptance(
  criteria: readonly Criterion[],
  lead: NormalizedLead,
  opts: RuleOptions = {},
): AcceptanceResult {
  for (const criterion of criteria) {
    const result = evaluateRuleSet(criterion.ruleSet, lead, opts);
    if (!result.pass) {
      return { pass: false, reason: criterion.reason, criterionId: criterion.id, failures: result.failures };
    }
  }
  return { pass: true };
}

// A top-level rule of a set that needs all of its rules (an "and", or any set of one rule).
function requiredRules(criterion: Criterion): Rule[] {
  const { op, rules } = criterion.ruleSet;
  if (op !== "and" && rules.length !== 1) return [];
  return rules.filter((node): node is Rule => !isRuleSet(node));
}

// The fields the "required" toggle shows as on: a plain field id with a top-level "is not blank".
export function requiredFieldIds(criteria: readonly Criterion[]): string[] {
  const ids = new Set<string>();
  for (const criterion of criteria) {
    for (const rule of requiredRules(criterion)) {
      if (rule.op === "is not blank" && !rule.lhv.includes(".")) ids.add(rule.lhv);
    }
  }
  return [...ids];
}

// The id is derived from the field so the toggle can find and remove the criterion it added.
export function requiredCriterionId(fieldId: string): string {
  return `required-${fieldId}`;
}

export function makeRequiredCriterion(fieldId: string, label: string): Criterion {
  return {
    id: requiredCriterionId(fieldId),
    ruleSet: { op: "and", rules: [{ lhv: fieldId, op: "is not blank" }] },
    reason: `${label} is required`,
  };
}
