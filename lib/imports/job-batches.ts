// What the validation and import jobs share: one transaction per batch, in line order, until a batch
// says the job is done or stopped, the slice's time is up, or the worker stops; and, on PostgreSQL,
// the next batch read and prepared on a second connection meanwhile (read-ahead.ts).
import type { Database } from "@/db/client";
import { withTransaction, type SqlTransaction } from "@/db/transaction";
import { createReadAhead, type ReadAhead } from "./read-ahead";
import { queryOf } from "./staged-rows";
import type { JobOptions, JobResult } from "./validate";

type Query = ReturnType<typeof queryOf>;

/** A read-ahead reading on its own connection, or null on PGlite: one connection in this thread,
 * where reading ahead would only queue behind the batch's transaction. */
export function readAheadOn<T>(database: Database, read: (key: string, query: Query) => Promise<T>): ReadAhead<T> | null {
  if (database.kind !== "pg") return null;
  const query = queryOf(database);
  return createReadAhead((key) => read(key, query));
}

/** Runs one batch in one transaction; the import job's also sends the batch's deliveries between runs (lib/flow/steps/deliveries.ts). */
export type Transact = <T>(database: Database, fn: (tx: SqlTransaction) => Promise<T>) => Promise<T>;

export async function runBatches(
  database: Database,
  options: JobOptions,
  ahead: ReadAhead<unknown> | null,
  batch: (tx: SqlTransaction) => Promise<JobResult | "continue">,
  transact: Transact = withTransaction,
): Promise<JobResult> {
  try {
    for (;;) {
      const step = await transact(database, batch);
      if (step !== "continue") return step;
      if (Date.now() > options.deadline || options.signal?.aborted) return "more";
    }
  } finally {
    await ahead?.settle(); // nothing read ahead outlives the job
  }
}
