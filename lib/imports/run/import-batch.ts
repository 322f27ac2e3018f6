// One batch of an import: its staged rows sorted out and normalized (prepareBatch, pure, so it can
// run while another batch is written), then saved through the flow module (saveBatch) and counted
// on the import row (recordProgress), all inside the batch's transaction. Deliveries to buyers are
// sent between runs of that transaction, never inside it (lib/flow/steps/deliveries.ts).
import type { SqlTransaction } from "@/db/transaction";
import type { Deliver, ProcessedLead } from "@/lib/flow/flow-store";
import { createLeadStore } from "@/lib/flow/lead-store";
import { hasRecipientStep } from "@/lib/flow/steps/deliveries";
import { fieldTypeMap, maskLead, normalizeLead, type FieldTypeMap } from "@/lib/flow/normalize";
import { processLeads } from "@/lib/flow/process-leads";
import type { FlowContext, LeadInput } from "@/lib/flow/flow-context";
import { newId } from "@/lib/ids";
import { contextOfRow, type FlowRouting } from "./flows";
import { correctionOf } from "../correct/lead-correction";
import { addCheck, noneChecked, problemCheck, type Checked } from "../validate/checked-rows";
import { checkLead, leadData, planFor, type RowPlan } from "../validate/row-check";
import type { ImportMode, Mapping } from "../settings";
import type { StoredRow } from "../stage/staged-rows";
import type { ImportTarget } from "../store";

export type ImportRun = {
  importId: string;
  target: ImportTarget;
  mapping: Mapping;
  routing: FlowRouting;
  /** Sends a delivery over the network; called only outside the batch's transaction. */
  deliver: Deliver;
  types: Map<FlowContext, FieldTypeMap>;
  plans: Map<FlowContext, RowPlan>;
};

/** A batch's rows sorted out before its transaction's writes: leads per flow context, unreadable and skipped rows. */
export type Batch = {
  rows: StoredRow[];
  groups: Map<FlowContext, LeadInput[]>;
  unreadable: Array<{ ctx: FlowContext; row: StoredRow }>;
  skipped: number;
  /**
   * The rows after validated_line, checked here as validation would have: an import whose mode was
   * chosen before validation ran validates as it goes (one pass); null when validation did them.
   */
  checked: Checked | null;
};

/** Rows prepared between two turns of the event loop when reading ahead (see prepareBatchInSlices). */
const SLICE_ROWS = 50;

/** Where the batch starts, as committed: the rows after `validatedLine` are checked while they are prepared. */
export type BatchState = { mode: ImportMode; validatedLine: number };

export function prepareBatch(run: ImportRun, rows: StoredRow[], state: BatchState): Batch {
  const batch = newBatch(rows, state);
  addRows(run, batch, rows, state);
  return batch;
}

const newBatch = (rows: StoredRow[], state: BatchState): Batch => ({
  rows,
  groups: new Map(),
  unreadable: [],
  skipped: 0,
  checked: (rows.at(-1)?.line ?? 0) > state.validatedLine ? noneChecked() : null,
});

/**
 * prepareBatch for a batch read ahead, a few rows at a time: in one piece it would hold this thread
 * for tens of milliseconds, while the batch being written waits for it to feed PostgreSQL's COPY.
 */
export async function prepareBatchInSlices(run: ImportRun, rows: StoredRow[], state: BatchState): Promise<Batch> {
  const batch = newBatch(rows, state);
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    addRows(run, batch, rows.slice(start, start + SLICE_ROWS), state);
  }
  return batch;
}

function addRows(run: ImportRun, batch: Batch, rows: StoredRow[], state: BatchState) {
  for (const row of rows) {
    const ctx = contextOfRow(run.routing, run.target, run.mapping, row.fields);
    const check = batch.checked !== null && row.line > state.validatedLine;
    const unreadable = row.problem === null ? null : { field: null, value: "", reason: row.problem };
    if ("problem" in ctx) {
      // Reported in both modes: the row names no flow and source of the account.
      if (check) addCheck(batch.checked!, row.line, problemCheck(unreadable ?? ctx.problem));
      batch.skipped += 1;
    } else if (unreadable !== null) {
      if (check) addCheck(batch.checked!, row.line, problemCheck(unreadable));
      if (state.mode === "valid") batch.skipped += 1;
      else batch.unreadable.push({ ctx, row });
    } else if (!check && state.mode === "valid" && (row.problems !== null || row.duplicate_of_line !== null)) batch.skipped += 1;
    else addLead(run, batch, ctx, row, check ? state.mode : null);
  }
}

// The lead is normalized once, for the check (when this pass validates) and for the flow. In mode
// "valid" a row failing the check is only reported; a row repeating an earlier line's key is dropped
// in the transaction (withoutLines), once the claims say which line came first.
function addLead(run: ImportRun, batch: Batch, ctx: FlowContext, row: StoredRow, checkFor: ImportMode | null) {
  const data = leadData(run.mapping, row.fields);
  const normalized = normalizeLead(typesOf(run, ctx), data);
  if (checkFor !== null) {
    const result = checkLead(planOf(run, ctx), normalized);
    addCheck(batch.checked!, row.line, result);
    if (checkFor === "valid" && result.problems.length > 0) {
      batch.skipped += 1;
      return;
    }
  }
  const inputs = batch.groups.get(ctx) ?? [];
  // The id is chosen here so the lead keeps it when its batch runs again after its deliveries.
  inputs.push({ id: newId(), data, normalized, importId: run.importId, importLine: row.line, isBatchLead: true, correction: correctionOf(run.mapping, row) });
  batch.groups.set(ctx, inputs);
}

/** The batch without the leads of these lines, counted as skipped (mode "valid": duplicates within the file). */
export function withoutLines(batch: Batch, lines: Set<number>): Batch {
  if (lines.size === 0) return batch;
  const groups = new Map<FlowContext, LeadInput[]>();
  for (const [ctx, inputs] of batch.groups) groups.set(ctx, inputs.filter((input) => !lines.has(input.importLine ?? 0)));
  return { ...batch, groups, skipped: batch.skipped + lines.size };
}

/**
 * Runs the batch's leads through processLeads (one call per flow and source) and saves them.
 * `deliver` is the batch's delivery plan's: it answers from recorded answers and sends nothing.
 */
export async function saveBatch(tx: SqlTransaction, run: ImportRun, batch: Batch, deliver: Deliver): Promise<ProcessedLead[]> {
  // Leads of a flow with a recipient step may hold their claims already (lib/flow/steps/holds.ts).
  const store = createLeadStore(tx, { holds: [...batch.groups.keys()].some((ctx) => hasRecipientStep(ctx.flow.config)) });
  const leads: ProcessedLead[] = [];
  for (const [ctx, inputs] of batch.groups) leads.push(...(await processLeads(ctx, inputs, { store, deliver })));
  const unreadable = batch.unreadable.map(({ ctx, row }) => unreadableLead(run, ctx, row));
  if (unreadable.length > 0) await store.saveLeads(unreadable);
  leads.push(...unreadable);
  return leads;
}

/** Moves the import's counters, last_line and last_lead_id past the batch; in the batch's transaction. */
export async function recordProgress(tx: SqlTransaction, run: ImportRun, batch: Batch, leads: ProcessedLead[]): Promise<void> {
  const count = (outcome: string) => leads.filter((l) => l.outcome === outcome).length;
  const lastLine = batch.rows[batch.rows.length - 1]!.line;
  const lastLead = leads.reduce<ProcessedLead | null>((last, l) => (last === null || (l.importLine ?? 0) > (last.importLine ?? 0) ? l : last), null);
  await tx.query(
    `update imports set processed_rows = processed_rows + $2, success_count = success_count + $3,
       failure_count = failure_count + $4, error_count = error_count + $5, skipped_rows = skipped_rows + $6,
       last_line = $7, last_lead_id = coalesce($8, last_lead_id), updated_at = now()
     where id = $1`,
    [run.importId, batch.rows.length, count("success"), count("failure"), count("error"), batch.skipped, lastLine, lastLead?.id ?? null],
  );
}

function typesOf(run: ImportRun, ctx: FlowContext): FieldTypeMap {
  let types = run.types.get(ctx);
  if (!types) run.types.set(ctx, (types = fieldTypeMap(ctx.flow.config.fields)));
  return types;
}

function planOf(run: ImportRun, ctx: FlowContext): RowPlan {
  let plan = run.plans.get(ctx);
  if (!plan) run.plans.set(ctx, (plan = planFor(ctx)));
  return plan;
}

/**
 * A row that could not be read (too few or too many values) still becomes a lead in "import all"
 * mode, failed with the reason, so the Leads view and the results file show it like any other.
 * It never reaches the flow's steps: its values are not where the columns say.
 */
function unreadableLead(run: ImportRun, ctx: FlowContext, row: StoredRow): ProcessedLead {
  const types = typesOf(run, ctx);
  const { raw, normalized } = maskLead(types, normalizeLead(types, leadData(run.mapping, row.fields)));
  const reason = row.problem;
  return {
    id: newId(),
    accountId: ctx.accountId,
    flowId: ctx.flow.id,
    sourceId: ctx.source.id,
    importId: run.importId,
    importLine: row.line,
    submittedAt: new Date(),
    raw,
    normalized,
    outcome: "failure",
    reason,
    price: 0,
    isBatchLead: true,
    isTest: false,
    email: null,
    phone: null,
    name: null,
    reference: null,
    events: [{ position: 0, step: "import", outcome: "failure", reason, durationMs: 0 }],
  };
}
