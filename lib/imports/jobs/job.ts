// One run of an import's background job: validate and/or import until done, stopped, or the time
// slice is up ("more": the caller queues the next slice, so no job outlives its queue expiry and a
// dead worker's import is picked up again soon).
import type { Database } from "@/db/client";
import { withTransaction } from "@/db/transaction";
import type { Deliver } from "@/lib/flow/flow-store";
import { deliverLead } from "@/lib/flow/steps/recipient";
import { recordImportEnd } from "@/lib/notifications/outbox";
import { runImport, type ImportJobOptions } from "../run/run-import";
import { getImport, moveStatus } from "../store";
import type { JobResult } from "./job-batches";
import { runValidation } from "../validate/validate";

export type RunJobOptions = {
  sliceMs?: number;
  deliver?: Deliver;
  beforeCommit?: ImportJobOptions["beforeCommit"];
  batchSize?: number;
  /** Ends the slice after the batch in progress ("more"): the worker is stopping. */
  signal?: AbortSignal;
};

const SLICE_MS = 30_000;

export async function runImportJob(database: Database, importId: string, options: RunJobOptions = {}): Promise<JobResult> {
  const deadline = Date.now() + (options.sliceMs ?? SLICE_MS);
  const current = await getImport(database, importId);
  // With the mode chosen up front (auto=1, confirm before validating, resume) nothing waits for a
  // validation report: the import validates each batch as it imports it, normalizing every row once
  // instead of twice (run/import-batch.ts). Cancel racing this move wins; the import then stops.
  if (current?.status === "validating" && current.mode !== null) await moveStatus(database, importId, ["validating"], "importing");
  else if (current?.status === "validating") {
    const validated = await runValidation(database, importId, { deadline, batchSize: options.batchSize, signal: options.signal });
    if (validated !== "done") return validated;
    // With a mode chosen up front the import follows at once, in this slice if time is left.
    if ((await getImport(database, importId))?.status !== "importing") return "done";
    if (Date.now() > deadline || options.signal?.aborted) return "more";
  }
  return runImport(database, importId, {
    deadline,
    batchSize: options.batchSize,
    deliver: options.deliver ?? deliverLead,
    beforeCommit: options.beforeCommit,
    signal: options.signal,
  });
}

/**
 * After the queue's last retry: the import says why it stopped instead of staying "importing". An
 * import that ended meanwhile keeps its status; the "ended" notices commit with the change.
 */
export async function failImport(database: Database, importId: string, message: string): Promise<void> {
  await withTransaction(database, async (tx) => {
    const { rows } = await tx.query(
      `update imports set status = 'failed', error = $2, completed_at = now(), updated_at = now()
       where id = $1 and status not in ('completed', 'failed', 'cancelled') returning id`,
      [importId, message],
    );
    if (rows.length > 0) await recordImportEnd(tx.query, importId);
  });
}
