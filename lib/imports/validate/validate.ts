// The validation job: every staged row checked against its flow's and source's acceptance criteria,
// and duplicates within the file found by the flow's dedupe fields. One transaction per batch saves
// the batch's problems, its keys and the progress counters together, so a retried job carries on
// from the last committed line and counts every row once. On PostgreSQL the next batch is read and
// checked (the costly, pure part) while the current one's keys and problems are written.
import type { Database } from "@/db/client";
import type { SqlTransaction } from "@/db/transaction";
import type { FlowContext } from "@/lib/flow/flow-context";
import { contextOfRow, loadRouting, type FlowRouting } from "../run/flows";
import { readAheadOn, runBatches, type JobOptions, type JobResult } from "../jobs/job-batches";
import type { ReadAhead } from "../jobs/read-ahead";
import { addCheck, noneChecked, problemCheck, saveChecks, type Checked } from "./checked-rows";
import { checkRow, leadData, planFor, type RowCheck, type RowPlan } from "./row-check";
import type { Mapping } from "../settings";
import { readRows, type StoredRow } from "../stage/staged-rows";
import { getImport, type ImportTarget } from "../store";

const BATCH = 2000;

type Run = {
  importId: string;
  target: ImportTarget;
  mapping: Mapping;
  routing: FlowRouting;
  plans: Map<FlowContext, RowPlan>;
  batchSize: number;
  ahead: ReadAhead<Batch> | null;
};

type Batch = { rows: StoredRow[]; checked: Checked };

/** "done" when validated (or handed on to the import, when a mode was chosen up front). */
export async function runValidation(database: Database, importId: string, options: JobOptions): Promise<JobResult> {
  const current = await getImport(database, importId);
  if (current?.status !== "validating") return "stopped";
  const run: Run = {
    importId,
    target: current,
    mapping: current.mapping as Mapping,
    routing: await loadRouting(database, current),
    plans: new Map(),
    batchSize: options.batchSize ?? BATCH,
    ahead: null,
  };
  run.ahead = readAheadOn(database, async (afterLine, query) => checkBatchInSlices(run, await readRows(query, importId, Number(afterLine), run.batchSize)));
  return runBatches(database, options, run.ahead, (tx) => validateBatch(tx, run));
}

async function validateBatch(tx: SqlTransaction, run: Run): Promise<JobResult | "continue"> {
  const { rows: locked } = await tx.query<{ status: string; validated_line: number | null; mode: string | null }>(
    "select status, validated_line, mode from imports where id = $1 for update",
    [run.importId],
  );
  const state = locked[0];
  if (state?.status !== "validating") return "stopped";
  const afterLine = state.validated_line ?? 0;
  const { rows, checked } =
    (await run.ahead?.take(String(afterLine))) ?? checkBatch(run, await readRows(tx.query, run.importId, afterLine, run.batchSize));
  if (rows.length === 0) {
    // The keys stay until the import ends (run/run-import.ts): a row corrected meanwhile is re-keyed
    // against them (correct/row-keys.ts).
    await tx.query(`update imports set status = $2, updated_at = now() where id = $1`, [run.importId, state.mode ? "importing" : "validated"]);
    return "done";
  }
  if (rows.length === run.batchSize) run.ahead?.start(String(rows[rows.length - 1]!.line));
  await saveChecks(tx, run.importId, checked);
  return "continue";
}

function checkBatch(run: Run, rows: StoredRow[]): Batch {
  const checked = noneChecked();
  for (const row of rows) addCheck(checked, row.line, checkStagedRow(run, row));
  return { rows, checked };
}

/** Rows checked between two turns of the event loop when reading ahead, so the batch being written is not held up. */
const SLICE_ROWS = 50;

async function checkBatchInSlices(run: Run, rows: StoredRow[]): Promise<Batch> {
  const checked = noneChecked();
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % SLICE_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    addCheck(checked, row.line, checkStagedRow(run, row));
  }
  return { rows, checked };
}

function checkStagedRow(run: Run, row: StoredRow): RowCheck {
  if (row.problem !== null) return problemCheck({ field: null, value: "", reason: row.problem });
  const ctx = contextOfRow(run.routing, run.target, run.mapping, row.fields);
  if ("problem" in ctx) return problemCheck(ctx.problem);
  let plan = run.plans.get(ctx);
  if (!plan) run.plans.set(ctx, (plan = planFor(ctx)));
  return checkRow(plan, leadData(run.mapping, row.fields));
}
