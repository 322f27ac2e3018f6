// Column mapping for an import: the fields a column can fill, the suggestion (suggestMapping, with
// what this source mapped last time), the fields still missing, and saving a person's choice.
import { requiredFieldIds } from "@/lib/flow/acceptance";
import { STANDARD_FIELDS } from "@/lib/flow/catalog";
import type { Import } from "@/db/schema";
import type { Database } from "@/db/client";
import { loadRouting } from "../run/flows";
import { missingRequired, suggestMapping, type ColumnMapping, type MappableField } from "./match-columns";
import { mappingSchema, ROUTING_FIELDS, type Mapping } from "../settings";
import { queryOf, readRows } from "../stage/staged-rows";
import { moveStatus, previousMapping } from "../store";

const SAMPLE_ROWS = 20;
const PREVIEW_ROWS = 10;

export type MappingView = {
  /** One entry per column: the saved choice, or else the suggestion and how it was found. */
  columns: ColumnMapping[];
  fields: MappableField[];
  required: string[];
  /** Required field ids no column fills yet; the wizard names them. */
  missing: string[];
  saved: boolean;
  /** The first rows as they will be read: line number and cells, in column order. */
  preview: Array<{ line: number; cells: string[]; problem: string | null }>;
};

const ROUTING_MAPPABLE: MappableField[] = [
  { id: ROUTING_FIELDS.flow, label: "Flow id (flow_id)", type: "string" },
  { id: ROUTING_FIELDS.source, label: "Source id (source_id)", type: "string" },
];

/** The flows' own fields first, then the standard fields they do not have; routing fields for multi-flow files. */
async function fieldsFor(database: Database, imp: Import) {
  const contexts = (await loadRouting(database, imp)).contexts();
  const fields = new Map<string, MappableField>();
  for (const ctx of contexts) for (const f of ctx.flow.config.fields) if (!fields.has(f.id)) fields.set(f.id, { id: f.id, label: f.label, type: f.type });
  for (const f of STANDARD_FIELDS) if (!fields.has(f.id)) fields.set(f.id, { id: f.id, label: f.label, type: f.type });
  const required = new Set(contexts.flatMap((ctx) => requiredFieldIds([...ctx.flow.config.acceptance, ...ctx.source.config.acceptance])));
  const multi = imp.flowId === null;
  return {
    fields: multi ? [...ROUTING_MAPPABLE, ...fields.values()] : [...fields.values()],
    required: multi ? [ROUTING_FIELDS.flow, ROUTING_FIELDS.source, ...required] : [...required],
  };
}

export async function getMappingView(database: Database, imp: Import): Promise<MappingView> {
  const { fields, required } = await fieldsFor(database, imp);
  const sample = await readRows(queryOf(database), imp.id, 0, SAMPLE_ROWS);
  const headers = imp.headers as string[];
  const saved = imp.mapping as Mapping | null;
  const columns = saved
    ? headers.map((header, column): ColumnMapping => ({ column, header, fieldId: saved.find((m) => m.column === column)?.fieldId ?? null, by: null }))
    : suggestMapping({
        headers,
        fields,
        sampleRows: sample.filter((r) => r.problem === null).map((r) => r.fields),
        previous: await previousMapping(database, imp),
        hasHeader: (imp.settings as { header: boolean }).header,
      });
  return {
    columns,
    fields,
    required,
    missing: missingRequired(columns, required),
    saved: saved !== null,
    preview: sample.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.fields, problem: r.problem })),
  };
}

export type SaveMappingResult = { status: "ok"; mapping: Mapping } | { status: "invalid"; message: string };

/** Checks the choice against this import's columns and fields; multi-flow files must map flow_id and source_id. */
export async function saveMapping(database: Database, imp: Import, input: unknown): Promise<SaveMappingResult> {
  const parsed = mappingSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "The mapping is not valid." };
  const headers = imp.headers as string[];
  const { fields } = await fieldsFor(database, imp);
  const known = new Set(fields.map((f) => f.id));
  for (const { column, fieldId } of parsed.data) {
    if (column >= headers.length) return { status: "invalid", message: `The file has no column ${column + 1}.` };
    if (fieldId !== null && !known.has(fieldId)) return { status: "invalid", message: `${fieldId} is not a field of this flow.` };
  }
  const mapped = new Set(parsed.data.map((m) => m.fieldId));
  if (imp.flowId === null && !(mapped.has(ROUTING_FIELDS.flow) && mapped.has(ROUTING_FIELDS.source))) {
    return { status: "invalid", message: "This file names a flow and source on each row: map its flow_id and source_id columns." };
  }
  if (![...mapped].some((id) => id !== null && id !== ROUTING_FIELDS.flow && id !== ROUTING_FIELDS.source)) {
    return { status: "invalid", message: "Map at least one column to a lead field." };
  }
  const mapping = parsed.data.filter((m) => m.fieldId !== null).sort((a, b) => a.column - b.column);
  // A new mapping makes earlier validation results stale: back to staged, to be validated again.
  const moved = await moveStatus(database, imp.id, ["staged", "validated"], "staged", { mapping });
  return moved ? { status: "ok", mapping } : { status: "invalid", message: "This import is already running; its mapping can no longer change." };
}

/** The suggestion as a mapping to save, for `auto=1`. */
export function suggestedMapping(view: MappingView): Mapping {
  return view.columns.filter((c) => c.fieldId !== null).map((c) => ({ column: c.column, fieldId: c.fieldId }));
}
