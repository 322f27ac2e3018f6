// What the validation and import jobs share: one transaction per batch, in line order, until a batch
// says the job is done or stopped, the slice's time is up, or the worker stops; and, on PostgreSQL,
// the next batch read and prepared on a second connection meanwhile (read-ahead.ts).
import type { Database } from "@/db/client";
import { withTransaction, type SqlTransaction } from "@/db/transaction";
import { createReadAhead, type ReadAhead } from "./read-ahead";
import { queryOf } from "../stage/staged-rows";

export type JobResult = "done" | "more" | "stopped";
export type JobOptions = {
  deadline: number;
  batchSize?: number;
  /** Aborted when the worker stops: the slice ends after the batch in progress. */
  signal?: AbortSignal;
};

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
      const started = Date.now();
      const step = await transact(database, batch);
      if (step !== "continue") return step;
      if (Date.now() > options.deadline || options.signal?.aborted) return "more";
      if (database.kind === "pglite") await shareTheDatabase(Date.now() - started);
    }
  } finally {
    await ahead?.settle(); // nothing read ahead outlives the job
  }
}

/**
 * PGlite runs one query at a time in this process, and a page is a dozen reads in a row with
 * rendering between them: with batches back to back, each read waited for a whole batch (a page
 * took about 5 s during an import, 26 ms otherwise; issue #14). A pause of a fifth of the batch's
 * time after each one lets a page's reads through together; the import alone takes up to a fifth
 * longer (20,000 rows: about 3.3 s -> 3.5 to 4.5 s on a busy 2-core machine).
 * PostgreSQL needs none: pages read on other connections.
 */
function shareTheDatabase(batchMs: number): Promise<void> {
  const ms = Math.min(200, Math.max(10, Math.round(batchMs / 5)));
  return new Promise((resolve) => setTimeout(resolve, ms));
}
