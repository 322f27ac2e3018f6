// Turns submitted data into what rules read: every value normalized by its field's type.
// Flow fields use the flow's types; other standard fields (is_test, price, ...) the catalog's;
// anything else is kept as a string so rules and deliveries can still use it.
import { findStandardField } from "./catalog";
import type { FieldDef, NormalizedLead, NormalizedValue, TypeName } from "./model";
import type { RuleOptions } from "./rules";
import { getFieldType, maskValue } from "./types";

export type LeadData = Record<string, string>;

// Nested JSON/XML/form data becomes flat dotted keys: { mortgage: { state: "TX" } } -> "mortgage.state".
export function flattenData(input: unknown, prefix = "", out: LeadData = {}): LeadData {
  if (input === null || input === undefined) return out;
  if (Array.isArray(input)) {
    if (input.every((v) => typeof v !== "object" || v === null)) out[prefix] = input.map((v) => String(v ?? "")).join(",");
    else input.forEach((v, i) => flattenData(v, `${prefix}.${i}`, out));
    return out;
  }
  if (typeof input === "object") {
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      flattenData(value, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  if (prefix) out[prefix] = String(input);
  return out;
}

export type FieldTypeMap = Map<string, TypeName>;

export function fieldTypeMap(fields: readonly FieldDef[]): FieldTypeMap {
  return new Map(fields.map((f) => [f.id, f.type]));
}

export function typeOfField(types: FieldTypeMap, id: string): TypeName {
  return types.get(id) ?? findStandardField(id)?.type ?? "string";
}

// How rules read a flow's fields: by their type (for ordering operators) and label (for reasons).
// processLeads and import validation both use it, so a criterion reads a field the same way in both.
export function ruleOptionsFor(fields: readonly FieldDef[], types: FieldTypeMap = fieldTypeMap(fields)): RuleOptions {
  const labels = new Map(fields.map((f) => [f.id, f.label]));
  return { typeOf: (id) => getFieldType(typeOfField(types, id)), labelOf: (id) => labels.get(id) ?? id };
}

export function normalizeLead(types: FieldTypeMap, data: LeadData): NormalizedLead {
  const lead: NormalizedLead = Object.create(null);
  for (const id in data) lead[id] = getFieldType(typeOfField(types, id)).parse(data[id] ?? "");
  return lead;
}

// What is stored and shown: secrets (ssn, credentials, dob) masked in both raw and normal form.
export function maskLead(types: FieldTypeMap, lead: NormalizedLead): { raw: LeadData; normalized: Record<string, NormalizedValue> } {
  const raw: LeadData = {};
  const normalized: Record<string, NormalizedValue> = {};
  for (const id in lead) {
    const masked = maskValue(typeOfField(types, id), lead[id]!);
    raw[id] = masked.raw;
    normalized[id] = masked;
  }
  return { raw, normalized };
}
