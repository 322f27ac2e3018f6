// The import job: staged rows replayed through the flow module (processLeads, the path of the
// real-time API) in batches. Each batch is one transaction that locks the import, saves the leads
// (createLeadStore) and moves the import's counters and last_line. A crash rolls the batch back
// whole and the retried job starts after the last committed line; the unique (import_id,
// import_line) index on leads makes a second lead for a line impossible even so.
import type { Database } from "@/db/client";
import { withTransaction, type SqlTransaction } from "@/db/transaction";
import type { Deliver, ProcessedLead } from "@/lib/flow/flow-store";
import { createLeadStore } from "@/lib/flow/lead-store";
import { fieldTypeMap, maskLead, normalizeLead } from "@/lib/flow/normalize";
import { processLeads, type FlowContext, type LeadInput } from "@/lib/flow/process-leads";
import { newId } from "@/lib/ids";
import { loadRouting, type FlowRouting } from "./flows";
import { leadData, routeOf } from "./row-check";
import type { ImportMode, Mapping } from "./settings";
import { readRows, type StoredRow } from "./staged-rows";
import { getImport, type ImportTarget } from "./store";
import type { JobOptions, JobResult } from "./validate";

const BATCH = 1000;

export type ImportJobOptions = JobOptions & {
  deliver: Deliver;
  /** Runs inside each batch's transaction, after its writes: tests throw here to crash mid-import. */
  beforeCommit?: (batch: { lastLine: number }) => Promise<void> | void;
};

type Run = { importId: string; target: ImportTarget; mapping: Mapping; routing: FlowRouting; options: ImportJobOptions };

export async function runImport(database: Database, importId: string, options: ImportJobOptions): Promise<JobResult> {
  const current = await getImport(database, importId);
  if (current?.status !== "importing") return "stopped";
  const run: Run = { importId, target: current, mapping: current.mapping as Mapping, routing: await loadRouting(database, current), options };
  for (;;) {
    const step = await withTransaction(database, (tx) => importBatch(tx, run));
    if (step !== "continue") return step;
    if (Date.now() > options.deadline || options.signal?.aborted) return "more";
  }
}

async function importBatch(tx: SqlTransaction, run: Run): Promise<JobResult | "continue"> {
  // The row lock serializes two jobs that ever run for the same import, and makes cancel wait for
  // the batch in progress: "stops after the current batch".
  const { rows: locked } = await tx.query<{ status: string; last_line: number | null; mode: ImportMode }>(
    "select status, last_line, mode from imports where id = $1 for update",
    [run.importId],
  );
  const state = locked[0];
  if (state?.status !== "importing") return "stopped";
  const rows = await readRows(tx.query, run.importId, state.last_line ?? 0, run.options.batchSize ?? BATCH);
  if (rows.length === 0) {
    await tx.query("update imports set status = 'completed', completed_at = now(), updated_at = now() where id = $1", [run.importId]);
    return "done";
  }
  const store = createLeadStore(tx);
  const groups = new Map<FlowContext, LeadInput[]>();
  const unreadable: ProcessedLead[] = [];
  let skipped = 0;
  for (const row of rows) {
    const ctx = contextOf(run, row);
    const reported = ctx === null || (state.mode === "valid" && (row.problems !== null || row.duplicate_of_line !== null));
    if (reported) skipped += 1;
    else if (row.problem !== null) unreadable.push(unreadableLead(ctx, run, row));
    else {
      const inputs = groups.get(ctx) ?? [];
      inputs.push({ data: leadData(run.mapping, row.fields), importId: run.importId, importLine: row.line, isBatchLead: true });
      groups.set(ctx, inputs);
    }
  }
  const leads: ProcessedLead[] = [];
  for (const [ctx, inputs] of groups) leads.push(...(await processLeads(ctx, inputs, { store, deliver: run.options.deliver })));
  if (unreadable.length > 0) await store.saveLeads(unreadable);
  leads.push(...unreadable);
  const count = (outcome: string) => leads.filter((l) => l.outcome === outcome).length;
  const lastLine = rows[rows.length - 1]!.line;
  const lastLead = leads.reduce<ProcessedLead | null>((last, l) => (last === null || (l.importLine ?? 0) > (last.importLine ?? 0) ? l : last), null);
  await tx.query(
    `update imports set processed_rows = processed_rows + $2, success_count = success_count + $3,
       failure_count = failure_count + $4, error_count = error_count + $5, skipped_rows = skipped_rows + $6,
       last_line = $7, last_lead_id = coalesce($8, last_lead_id), updated_at = now()
     where id = $1`,
    [run.importId, rows.length, count("success"), count("failure"), count("error"), skipped, lastLine, lastLead?.id ?? null],
  );
  await run.options.beforeCommit?.({ lastLine });
  return "continue";
}

/** The flow and source of a row; null when a multi-flow row names none of the account's. */
function contextOf(run: Run, row: StoredRow): FlowContext | null {
  const route = run.target.flowId && run.target.sourceId ? { flowId: run.target.flowId, sourceId: run.target.sourceId } : routeOf(run.mapping, row.fields);
  const ctx = run.routing.contextFor(route.flowId, route.sourceId);
  return "problem" in ctx ? null : ctx;
}

/**
 * A row that could not be read (too few or too many values) still becomes a lead in "import all"
 * mode, failed with the reason, so the Leads view and the results file show it like any other.
 * It never reaches the flow's steps: its values are not where the columns say.
 */
function unreadableLead(ctx: FlowContext, run: Run, row: StoredRow): ProcessedLead {
  const types = fieldTypeMap(ctx.flow.config.fields);
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
