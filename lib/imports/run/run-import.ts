// The import job: staged rows replayed through the flow module (processLeads, the path of the
// real-time API) in batches, in line order. Each batch is one transaction that locks the import,
// saves the leads (createLeadStore) and moves the import's counters and last_line. A crash rolls the
// batch back whole and the retried job starts after the last committed line; import_lines' primary
// key (import_id, line), written by the statement that saves the leads, makes a second lead for a
// line impossible even so.
// On PostgreSQL the next batch is read and normalized (the costly, pure part) on another connection
// while the current one is written, and used only if the committed last_line is the line it was
// read after: this process and PostgreSQL work at the same time instead of in turn.
// A batch that reaches a recipient step runs its transaction again after its deliveries are sent
// (withDeliveries): the same prepared batch, so its leads keep their ids.
import type { Database } from "@/db/client";
import type { SqlTransaction } from "@/db/transaction";
import type { Deliver } from "@/lib/flow/flow-store";
import { withDeliveries, type DeliveryPlan } from "@/lib/flow/steps/deliveries";
import { recordImportEnd } from "@/lib/notifications/outbox";
import { loadRouting } from "./flows";
import { prepareBatch, prepareBatchInSlices, recordProgress, saveBatch, withoutLines, type Batch, type ImportRun } from "./import-batch";
import { saveChecks } from "../validate/checked-rows";
import { readAheadOn, runBatches, type Transact } from "../jobs/job-batches";
import type { ReadAhead } from "../jobs/read-ahead";
import type { ImportMode, Mapping } from "../settings";
import { storeReasonCounts } from "../report/reason-counts";
import { readRows } from "../stage/staged-rows";
import { getImport } from "../store";
import type { JobOptions, JobResult } from "../jobs/job-batches";

const BATCH = 1000;

export type ImportJobOptions = JobOptions & {
  /** Sends a delivery to a buyer, between runs of a batch's transaction (never inside one). */
  deliver: Deliver;
  /** Runs inside each batch's transaction, after its writes and deliveries: tests throw here to crash mid-import. */
  beforeCommit?: (batch: { lastLine: number }) => Promise<void> | void;
};

type Run = ImportRun & {
  options: ImportJobOptions;
  batchSize: number;
  ahead: ReadAhead<Batch> | null;
  /** The delivery plan of the transaction running now. */
  plan: DeliveryPlan | null;
  /** The batch last prepared, kept for its transaction's next run. */
  retained: { key: string; batch: Batch } | null;
};

export async function runImport(database: Database, importId: string, options: ImportJobOptions): Promise<JobResult> {
  const current = await getImport(database, importId);
  if (current?.status !== "importing") return "stopped";
  const run: Run = {
    importId,
    target: current,
    mapping: current.mapping as Mapping,
    routing: await loadRouting(database, current),
    deliver: options.deliver,
    types: new Map(),
    plans: new Map(),
    options,
    batchSize: options.batchSize ?? BATCH,
    ahead: null,
    plan: null,
    retained: null,
  };
  run.ahead = readAheadOn(database, async (key, query) => {
    const [afterLine, mode, validatedLine] = key.split(":");
    const state = { mode: mode as ImportMode, validatedLine: Number(validatedLine) };
    return prepareBatchInSlices(run, await readRows(query, importId, Number(afterLine), run.batchSize), state);
  });
  const transact: Transact = (db, fn) =>
    withDeliveries(db, options.deliver, (tx, plan) => {
      run.plan = plan;
      return fn(tx);
    });
  return runBatches(database, options, run.ahead, (tx) => importBatch(tx, run), transact);
}

async function importBatch(tx: SqlTransaction, run: Run): Promise<JobResult | "continue"> {
  // The row lock serializes two jobs that ever run for the same import, and makes cancel wait for
  // the batch in progress: "stops after the current batch".
  const { rows: locked } = await tx.query<{ status: string; last_line: number | null; mode: ImportMode; validated_line: number | null }>(
    "select status, last_line, mode, validated_line from imports where id = $1 for update",
    [run.importId],
  );
  const state = locked[0];
  if (state?.status !== "importing") return "stopped";
  const afterLine = state.last_line ?? 0;
  const validatedLine = state.validated_line ?? 0;
  const key = `${afterLine}:${state.mode}:${validatedLine}`;
  const again = run.retained?.key === key;
  const batch =
    (again ? run.retained!.batch : null) ??
    (await run.ahead?.take(key)) ??
    prepareBatch(run, await readRows(tx.query, run.importId, afterLine, run.batchSize), { mode: state.mode, validatedLine });
  run.retained = { key, batch };
  if (batch.rows.length === 0) {
    // Keys within the file are needed only while lines are being checked.
    await tx.query("delete from import_row_keys where import_id = $1", [run.importId]);
    await tx.query("update imports set status = 'completed', completed_at = now(), updated_at = now() where id = $1", [run.importId]);
    // Counted once here, so the summary page never reads the whole import again (issue #14).
    await storeReasonCounts(tx.query, run.importId);
    await recordImportEnd(tx.query, run.importId);
    return "done";
  }
  const lastLine = batch.rows[batch.rows.length - 1]!.line;
  const nextValidated = batch.checked ? Math.max(validatedLine, batch.checked.lastLine) : validatedLine;
  if (batch.rows.length === run.batchSize && !again) run.ahead?.start(`${lastLine}:${state.mode}:${nextValidated}`);
  const toSave = await saveBatchChecks(tx, run.importId, batch, state.mode);
  const leads = await saveBatch(tx, run, toSave, run.plan!.deliver);
  run.plan!.complete(); // rolls back to send the batch's deliveries, then runs it again
  await recordProgress(tx, run, toSave, leads);
  await run.options.beforeCommit?.({ lastLine });
  return "continue";
}

/**
 * When this pass validates (no validation ran first), the batch's checks are saved as the validation
 * job saves them; in mode "valid" the lines that repeat an earlier line's key are then left out.
 */
async function saveBatchChecks(tx: SqlTransaction, importId: string, batch: Batch, mode: ImportMode): Promise<Batch> {
  if (batch.checked === null) return batch;
  const duplicates = await saveChecks(tx, importId, batch.checked);
  return mode === "valid" ? withoutLines(batch, new Set(duplicates.map((d) => d.line))) : batch;
}
