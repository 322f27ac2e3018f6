// The server's word on a flow or source configuration sent by the editor: the zod model, then what
// zod cannot say (a rule names a field the flow has, its operator suits the field's type, a pattern
// compiles, ids are unique). Errors are keyed by dotted path ("steps.2.url") so the editor can show
// each beside its control, and every problem is reported at once, not the first one only.
import type { z } from "zod";
import { findStandardField } from "@/lib/flow/catalog";
import { rhvValues } from "@/lib/flow/describe-rule";
import { flowConfigSchema, operatorSchema, sourceConfigSchema, type FieldDef, type FlowConfig, type Rule, type SourceConfig, type TypeName } from "@/lib/flow/model";
import { validatePattern } from "@/lib/flow/rules";
import { fieldTypes } from "@/lib/flow/types";
import { isOrdering, isPattern, valueInputOf } from "./rule-inputs";

export type FieldErrors = Record<string, string>;
export type ConfigResult<T> = { ok: true; config: T } | { ok: false; fieldErrors: FieldErrors };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function validateFlowConfig(input: unknown): ConfigResult<FlowConfig> {
  const errors: FieldErrors = {};
  const parsed = flowConfigSchema.safeParse(input);
  if (!parsed.success) addZodIssues(errors, parsed.error);
  const config = isObj(input) ? input : {};
  const types = typesOf(config.fields);
  checkUniqueIds(errors, config.fields, "fields", (id) => `Another field already uses the id "${id}"`);
  checkCriteria(errors, config.acceptance, "acceptance", types);
  checkPricing(errors, config.pricing, types);
  checkCaps(errors, config.caps, "caps", types);
  checkCaps(errors, config.pingLimits, "pingLimits", types);
  checkSteps(errors, config.steps, types);
  return finish(errors, parsed);
}

// Source criteria and pricing read the flow's fields.
export function validateSourceConfig(input: unknown, flowFields: readonly FieldDef[]): ConfigResult<SourceConfig> {
  const errors: FieldErrors = {};
  const parsed = sourceConfigSchema.safeParse(input);
  if (!parsed.success) addZodIssues(errors, parsed.error);
  const config = isObj(input) ? input : {};
  const types = typesOf(flowFields);
  checkCriteria(errors, config.acceptance, "acceptance", types);
  checkPricing(errors, config.pricing, types);
  checkCaps(errors, config.caps, "caps", types);
  return finish(errors, parsed);
}

function finish<T>(errors: FieldErrors, parsed: z.ZodSafeParseResult<T>): ConfigResult<T> {
  if (Object.keys(errors).length > 0 || !parsed.success) {
    return { ok: false, fieldErrors: Object.keys(errors).length > 0 ? errors : { form: "The configuration could not be read" } };
  }
  return { ok: true, config: parsed.data };
}

function addZodIssues(errors: FieldErrors, error: z.ZodError) {
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= friendlyMessage(issue);
  }
}

// The model's own messages are written for people; zod's generic ones for numbers are not.
function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return missingMessage(issue.expected);
  if (issue.code === "too_small" && issue.origin === "number") return `Enter ${String(issue.minimum)} or more`;
  if (issue.code === "too_big" && issue.origin === "number") return `Enter ${String(issue.maximum)} or less`;
  return issue.message;
}

function missingMessage(expected: unknown): string {
  if (expected === "number") return "Enter a number";
  if (expected === "string") return "Enter a value";
  return "This is missing or not in the right form";
}

// Field id -> type, for the flow's fields and, as processing does, the standard catalog's.
function typesOf(fields: unknown): Map<string, TypeName> {
  const types = new Map<string, TypeName>();
  for (const field of items(fields)) {
    if (isObj(field) && typeof field.id === "string" && typeof field.type === "string" && field.type in fieldTypes) {
      types.set(field.id, field.type as TypeName);
    }
  }
  return types;
}

function typeOf(types: Map<string, TypeName>, fieldId: string): TypeName | undefined {
  return types.get(fieldId) ?? findStandardField(fieldId)?.type;
}

function checkUniqueIds(errors: FieldErrors, list: unknown, path: string, message: (id: string) => string) {
  const seen = new Set<string>();
  items(list).forEach((item, i) => {
    if (!isObj(item) || typeof item.id !== "string") return;
    if (seen.has(item.id)) errors[`${path}.${i}.id`] ??= message(item.id);
    seen.add(item.id);
  });
}

function checkCriteria(errors: FieldErrors, criteria: unknown, path: string, types: Map<string, TypeName>) {
  checkUniqueIds(errors, criteria, path, (id) => `Two criteria share the id "${id}"`);
  items(criteria).forEach((criterion, i) => {
    if (!isObj(criterion)) return;
    checkRuleSet(errors, criterion.ruleSet, `${path}.${i}.ruleSet`, types, { needsRules: true });
  });
}

function checkPricing(errors: FieldErrors, pricing: unknown, types: Map<string, TypeName>) {
  if (!isObj(pricing)) return;
  items(pricing.rules).forEach((rule, i) => {
    if (isObj(rule)) checkRuleSet(errors, rule.ruleSet, `pricing.rules.${i}.ruleSet`, types, { needsRules: false });
  });
}

function checkCaps(errors: FieldErrors, caps: unknown, path: string, types: Map<string, TypeName>) {
  checkUniqueIds(errors, caps, path, (id) => `Two caps share the id "${id}"`);
  items(caps).forEach((cap, i) => {
    if (isObj(cap)) checkRuleSet(errors, cap.ruleSet, `${path}.${i}.ruleSet`, types, { needsRules: false });
  });
}

function checkSteps(errors: FieldErrors, steps: unknown, types: Map<string, TypeName>) {
  checkUniqueIds(errors, steps, "steps", (id) => `Two steps share the id "${id}"`);
  items(steps).forEach((step, i) => {
    if (!isObj(step)) return;
    const path = `steps.${i}`;
    checkRuleSet(errors, step.criteria, `${path}.criteria`, types, { needsRules: false });
    checkCaps(errors, step.caps, `${path}.caps`, types);
    // An empty filter matches every lead and would stop them all.
    if (step.type === "filter") checkRuleSet(errors, step.ruleSet, `${path}.ruleSet`, types, { needsRules: true });
    if (step.type === "dedupe") {
      items(step.fields).forEach((field, j) => {
        if (typeof field === "string" && !types.has(field)) errors[`${path}.fields.${j}`] ??= `"${field}" is not a field of this flow`;
      });
    }
    if (step.type === "recipient") {
      items(step.mappings).forEach((mapping, j) => {
        if (isObj(mapping) && typeof mapping.field === "string" && mapping.field !== "" && !typeOf(types, mapping.field)) {
          errors[`${path}.mappings.${j}.field`] ??= `"${mapping.field}" is not a field of this flow`;
        }
      });
    }
  });
}

function checkRuleSet(errors: FieldErrors, node: unknown, path: string, types: Map<string, TypeName>, opts: { needsRules: boolean }) {
  if (!isObj(node) || !Array.isArray(node.rules)) return;
  if (opts.needsRules && node.rules.length === 0) errors[`${path}.rules`] ??= "Add at least one condition";
  node.rules.forEach((child, i) => {
    const childPath = `${path}.rules.${i}`;
    if (isObj(child) && Array.isArray(child.rules)) {
      if (child.rules.length === 0) errors[`${childPath}.rules`] ??= "Add a condition to this group, or remove it";
      checkRuleSet(errors, child, childPath, types, { needsRules: false });
    } else if (isObj(child)) checkRule(errors, child, childPath, types);
  });
}

function checkRule(errors: FieldErrors, rule: Obj, path: string, types: Map<string, TypeName>) {
  const lhv = typeof rule.lhv === "string" ? rule.lhv : "";
  const op = operatorSchema.safeParse(rule.op);
  const fieldId = lhv.split(".")[0] ?? "";
  const type = typeOf(types, fieldId);
  if (lhv === "") return void (errors[`${path}.lhv`] ??= "Pick a field");
  if (!type) return void (errors[`${path}.lhv`] ??= `"${fieldId}" is not a field of this flow`);
  if (!op.success) return;
  // Components (phone_1.area, dob.age) have no declared type; only whole fields are held to theirs.
  const whole = !lhv.includes(".");
  if (whole && !fieldTypes[type].operators.includes(op.data)) {
    const typeName = type.replace(/_/g, " ");
    return void (errors[`${path}.op`] ??= `${/^[aeiou]/.test(typeName) ? "An" : "A"} ${typeName} field cannot use "${op.data}"`);
  }
  const message = valueProblem({ lhv, op: op.data, rhv: rule.rhv as Rule["rhv"] }, whole ? fieldTypes[type].compareAs : undefined);
  if (message) errors[`${path}.rhv`] ??= message;
}

function valueProblem(rule: Rule, compareAs: "text" | "number" | "date" | undefined): string | null {
  if (rule.rhv !== undefined && typeof rule.rhv !== "string" && !Array.isArray(rule.rhv)) return "Enter a value";
  const input = valueInputOf(rule.op);
  const values = rhvValues(rule);
  if (input === "value" && values.length === 0) return isPattern(rule.op) ? "Enter a pattern" : "Enter a value";
  if (input === "list" && values.length === 0) return "Enter at least one value";
  if (input === "range" && values.length < 2) return "Enter both bounds";
  if (isPattern(rule.op)) return patternProblem(values[0] ?? "");
  if (isOrdering(rule.op) && compareAs === "number" && values.some((v) => !/^-?\d+(\.\d+)?$/.test(v))) {
    return "Enter a number, such as 250000";
  }
  if (isOrdering(rule.op) && compareAs === "date" && values.some((v) => !/^\d{4}-\d{2}-\d{2}/.test(v))) {
    return "Enter a date as YYYY-MM-DD";
  }
  return null;
}

// "Invalid regular expression: /(/i: Unterminated group" -> "Not a valid pattern: Unterminated group".
function patternProblem(pattern: string): string | null {
  const message = validatePattern(pattern);
  if (message === null) return null;
  return `Not a valid pattern: ${message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "")}`;
}
