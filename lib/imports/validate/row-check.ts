// Checks one staged row the way the flow module will: mapped cells -> normalized lead -> the flow's
// and the source's acceptance criteria, each failing criterion reported with its fields and values.
// Also gives the row's dedupe key for finding duplicates within the file.
import { checkAcceptance } from "@/lib/flow/acceptance";
import type { Criterion, NormalizedLead } from "@/lib/flow/model";
import { fieldTypeMap, normalizeLead, ruleOptionsFor, type FieldTypeMap, type LeadData } from "@/lib/flow/normalize";
import type { FlowContext } from "@/lib/flow/flow-context";
import { isRuleSet, type RuleOptions } from "@/lib/flow/rules";
import type { RuleSet } from "@/lib/flow/model";
import { dedupeKey } from "@/lib/flow/steps/dedupe";
import { ROUTING_FIELDS, type Mapping } from "../settings";
import type { RowProblem } from "../stage/staged-rows";

/** Without a dedupe step in the flow, rows with the same email and phone are duplicates. */
const DEFAULT_DEDUPE_FIELDS = ["email", "phone_1"];

export type RowPlan = {
  ctx: FlowContext;
  types: FieldTypeMap;
  ruleOptions: RuleOptions;
  criteria: Criterion[];
  dedupeFields: string[];
  /** The fields criteria and dedupe read: only these are normalized (phone parsing is costly). */
  readFields: Set<string>;
};

// The same rule options processLeads builds, so a criterion reads a field as the flow will.
export function planFor(ctx: FlowContext): RowPlan {
  const types = fieldTypeMap(ctx.flow.config.fields);
  const dedupe = ctx.flow.config.steps.find((step) => step.type === "dedupe");
  const criteria = [...ctx.flow.config.acceptance, ...ctx.source.config.acceptance];
  const dedupeFields = dedupe?.type === "dedupe" ? dedupe.fields : DEFAULT_DEDUPE_FIELDS;
  return {
    ctx,
    types,
    ruleOptions: ruleOptionsFor(ctx.flow.config.fields, types),
    criteria,
    dedupeFields,
    readFields: new Set([...criteria.flatMap((c) => criterionFields(c.ruleSet)), ...dedupeFields]),
  };
}

/**
 * The lead data of a row: each mapped column's cell, exactly as given. Empty cells are left out, as
 * LeadConduit's importer does not post them; routing columns are not lead data.
 */
export function leadData(mapping: Mapping, cells: string[]): LeadData {
  const data: LeadData = {};
  for (const { column, fieldId } of mapping) {
    if (fieldId === null || fieldId === ROUTING_FIELDS.flow || fieldId === ROUTING_FIELDS.source) continue;
    const value = cells[column];
    if (value !== undefined && value !== "") data[fieldId] = value;
  }
  return data;
}

/** The flow and source a row of a multi-flow file names. */
export function routeOf(mapping: Mapping, cells: string[]): { flowId: string; sourceId: string } {
  const cell = (fieldId: string) => {
    const entry = mapping.find((m) => m.fieldId === fieldId);
    return entry ? (cells[entry.column] ?? "") : "";
  };
  return { flowId: cell(ROUTING_FIELDS.flow), sourceId: cell(ROUTING_FIELDS.source) };
}

export type RowCheck = { problems: RowProblem[]; key: string | null };

export function checkRow(plan: RowPlan, data: LeadData): RowCheck {
  const read: LeadData = {};
  for (const id in data) if (plan.readFields.has(id)) read[id] = data[id]!;
  return checkLead(plan, normalizeLead(plan.types, read));
}

/**
 * checkRow for a lead already normalized with the plan's field types (the import normalizes every
 * field anyway; each field is normalized on its own, so the fields read here come out the same).
 */
export function checkLead(plan: RowPlan, lead: NormalizedLead): RowCheck {
  const problems: RowProblem[] = [];
  for (const criterion of plan.criteria) {
    if (checkAcceptance([criterion], lead, plan.ruleOptions).pass) continue;
    const fields = criterionFields(criterion.ruleSet);
    problems.push({ field: fields.join(", ") || null, value: valuesOf(lead, fields), reason: criterion.reason });
  }
  const hash = problems.length === 0 ? dedupeKey(plan.dedupeFields, lead) : null;
  return { problems, key: hash === null ? null : `${plan.ctx.flow.id}:${hash.slice(0, 32)}` };
}

/** The top-level field ids a rule set reads ("phone_1.area" reads phone_1), in order, once each. */
function criterionFields(ruleSet: RuleSet): string[] {
  const ids = new Set<string>();
  const visit = (set: RuleSet) => {
    for (const node of set.rules) {
      if (isRuleSet(node)) visit(node);
      else ids.add(node.lhv.split(".")[0]!);
    }
  };
  visit(ruleSet);
  return [...ids];
}

function valuesOf(lead: NormalizedLead, fields: string[]): string {
  return fields
    .map((id) => lead[id]?.raw ?? "")
    .filter((value) => value !== "")
    .join(", ");
}
