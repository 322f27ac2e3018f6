// Tables that only grow unless something deletes what no longer matters: expired sessions, failed
// logins older than the rate-limit window, the files and staged rows of imports finished more than
// IMPORT_FILE_RETENTION_DAYS ago, resumable uploads past their expiry (a day, finished or not: a
// finished one's pieces went when it was staged), and Idempotency-Key replies older than the 24 hours the
// API promises (docs/api.md; a key that old may be claimed again anyway). Deletes run in batches, so
// no statement holds many row locks for long; any number of processes may run them at once.
// Deleted rows free no space until vacuumed, and PGlite has no autovacuum: a bulk table that lost
// much (vacuumAfterRows rows, or a hundredth as many ~1 MB file pieces) is vacuumed after the prune.
// (dedupe_keys is not pruned here: which claims have expired depends on each dedupe step's window,
// and lengthening a window later would need the claims a prune had deleted. Only claims and cap
// units held by a delivery attempt that never came back are given back, once stale:
// lib/flow/steps/holds.ts.)
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { releaseStaleSql } from "@/lib/flow/steps/holds";
import { UPLOAD_EXPIRY_HOURS } from "@/lib/imports/upload/expiry";
import { vacuumSoon, type BulkTable } from "./vacuum";

export type PruneCounts = { sessions: number; loginAttempts: number; idempotencyKeys: number; importRows: number; importLines: number; importFiles: number; uploads: number };
/** importRetentionDays: IMPORT_FILE_RETENTION_DAYS (default 30). */
export type PruneOptions = { loginWindowMinutes: number; importRetentionDays?: number; batchSize?: number; vacuumAfterRows?: number };

const IDEMPOTENCY_KEEP = sql`interval '24 hours'`;

export async function pruneExpired(db: Db, { loginWindowMinutes, importRetentionDays = 30, batchSize = 5_000, vacuumAfterRows = 1_000 }: PruneOptions): Promise<PruneCounts> {
  const window = sql`make_interval(mins => ${loginWindowMinutes})`;
  await db.execute(sql.raw(releaseStaleSql));
  const { importRows, importRowKeys, importLines, importFiles } = await pruneImportFiles(db, importRetentionDays, batchSize);
  const { uploads, pieces } = await pruneUploads(db, batchSize);
  const pieceThreshold = Math.max(1, Math.floor(vacuumAfterRows / 100));
  const lost: Array<[BulkTable, number, number]> = [
    ["import_rows", importRows, vacuumAfterRows],
    ["import_row_keys", importRowKeys, vacuumAfterRows],
    ["import_lines", importLines, vacuumAfterRows],
    ["import_files", importFiles, pieceThreshold],
    ["upload_pieces", pieces, pieceThreshold],
  ];
  // Awaited (the prune already runs in the background); never throws, a failure is logged.
  await vacuumSoon(db, lost.filter(([, n, threshold]) => n > 0 && n >= threshold).map(([table]) => table));
  return {
    importRows,
    importLines,
    importFiles,
    uploads,
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

/**
 * The stored file and staged rows (and dedupe keys) of imports finished more than `retentionDays`
 * ago: the bulk of what an import holds. The import row stays, with its counts, so its page still
 * says what happened; its leads are other rows (leads.import_id is no foreign key) and are never
 * touched. results.csv is built from the staged rows, so it answers 410 from then on
 * (lib/imports/retention.ts derives that from the same finish time). Its import_lines (which lead
 * each line made: exactly once per line while it runs, and how its pages find the leads) go too:
 * an ended import runs no more and its pages no longer list rows.
 */
async function pruneImportFiles(db: Db, retentionDays: number, batchSize: number) {
  const expired = sql`select id from imports where status in ('completed', 'failed', 'cancelled')
    and coalesce(completed_at, updated_at) < now() - make_interval(days => ${retentionDays})`;
  const prune = (table: string, key: string, size: number) =>
    deleteInBatches(db, sql`select import_id, ${sql.raw(key)} from ${sql.raw(table)} where import_id in (${expired}) limit ${size}`, sql.raw(table), sql.raw(`(import_id, ${key})`), size);
  const importRows = await prune("import_rows", "line", batchSize);
  const importRowKeys = await prune("import_row_keys", "key", batchSize);
  const importLines = await prune("import_lines", "line", batchSize);
  // A file piece is about 1 MB: fewer at a time.
  const importFiles = await prune("import_files", "seq", Math.max(1, Math.floor(batchSize / 100)));
  return { importRows, importRowKeys, importLines, importFiles };
}

/** Expired resumable uploads: their pieces first, about 1 MB each, a few at a time; then the uploads. */
async function pruneUploads(db: Db, batchSize: number): Promise<{ uploads: number; pieces: number }> {
  const expired = sql`select id from uploads where created_at < now() - make_interval(hours => ${UPLOAD_EXPIRY_HOURS})`;
  const perBatch = Math.max(1, Math.floor(batchSize / 100));
  const pieces = await deleteInBatches(db, sql`select upload_id, start from upload_pieces where upload_id in (${expired}) limit ${perBatch}`, sql`upload_pieces`, sql`(upload_id, start)`, perBatch);
  return { pieces, uploads: await deleteInBatches(db, sql`${expired} limit ${batchSize}`, sql`uploads`, sql`id`, batchSize) };
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
