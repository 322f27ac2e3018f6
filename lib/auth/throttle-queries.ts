import "server-only";
import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";

export type ThrottleLimits = { maxFailures: number; windowMinutes: number };
export type Reservation = { status: "reserved"; ids: number[] } | { status: "throttled" };

/**
 * Checks and counts a sign-in attempt in one step: under a transaction-scoped advisory lock per key
 * (taken in sorted order, so two attempts never wait on each other crosswise), counts the rows of
 * each key in the window and, if every key is under the limit, inserts one row per key before the
 * password is checked. Parallel attempts therefore queue on the lock and the (limit+1)-th sees the
 * limit reached, on PostgreSQL with a pool as on PGlite. A row is a failure until releaseAttempt
 * deletes it; the prune job (lib/maintenance/prune.ts) deletes the old ones.
 */
export async function reserveAttempt(keys: string[], { maxFailures, windowMinutes }: ThrottleLimits): Promise<Reservation> {
  const sorted = [...new Set(keys)].sort();
  return getDb().transaction(async (tx) => {
    for (const key of sorted) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const counts = await tx
      .select({ key: loginAttempts.key, n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(and(inArray(loginAttempts.key, sorted), gt(loginAttempts.attemptedAt, sql`now() - make_interval(mins => ${windowMinutes})`)))
      .groupBy(loginAttempts.key);
    if (counts.some((row) => Number(row.n) >= maxFailures)) return { status: "throttled" } as const;
    const rows = await tx
      .insert(loginAttempts)
      .values(sorted.map((key) => ({ key })))
      .returning({ id: loginAttempts.id });
    return { status: "reserved", ids: rows.map((row) => row.id) } as const;
  });
}

/**
 * After a successful sign-in: this attempt's rows are not failures, and the failures of the key that
 * identifies the person (their email, or their device) start again from zero.
 */
export async function releaseAttempt(ids: number[], clearKey: string) {
  await getDb()
    .delete(loginAttempts)
    .where(sql`${inArray(loginAttempts.id, ids)} or ${loginAttempts.key} = ${clearKey}`);
}
