// Tables that only grow unless something deletes what no longer matters: expired sessions, failed
// logins older than the rate-limit window, and Idempotency-Key replies older than the 24 hours the
// API promises (docs/api.md; a key that old may be claimed again anyway). Deletes run in batches, so
// no statement holds many row locks for long; any number of processes may run them at once.
// (dedupe_keys is not pruned here: which claims have expired depends on each dedupe step's window,
// and lengthening a window later would need the claims a prune had deleted.)
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

export type PruneCounts = { sessions: number; loginAttempts: number; idempotencyKeys: number };
export type PruneOptions = { loginWindowMinutes: number; batchSize?: number };

const IDEMPOTENCY_KEEP = sql`interval '24 hours'`;

export async function pruneExpired(db: Db, { loginWindowMinutes, batchSize = 5_000 }: PruneOptions): Promise<PruneCounts> {
  const window = sql`make_interval(mins => ${loginWindowMinutes})`;
  return {
    sessions: await deleteInBatches(db, sql`select token_hash from sessions where expires_at < now() limit ${batchSize}`, sql`sessions`, sql`token_hash`, batchSize),
    loginAttempts: await deleteInBatches(db, sql`select id from login_attempts where attempted_at < now() - ${window} limit ${batchSize}`, sql`login_attempts`, sql`id`, batchSize),
    idempotencyKeys: await deleteInBatches(
      db,
      sql`select ctid from idempotency_keys where created_at < now() - ${IDEMPOTENCY_KEEP} limit ${batchSize}`,
      sql`idempotency_keys`,
      sql`ctid`,
      batchSize,
    ),
  };
}

// DELETE has no LIMIT in PostgreSQL: delete the rows a limited select found, until a batch comes back short.
async function deleteInBatches(db: Db, pick: SQL, table: SQL, key: SQL, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`delete from ${table} where ${key} in (${pick})`);
    const deleted = Number((result as { rowCount?: number | null; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
