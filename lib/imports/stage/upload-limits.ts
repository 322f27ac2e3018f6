// The limits an upload is held to besides its size (issue #13): uploads receiving at once per
// source, and the bytes of files an account's imports may hold. Both are read from the database, so
// they hold across every app process; the per-source count and the insert that takes a place run
// under one advisory lock, so two uploads racing for the last place cannot both get it.
import { withTransaction } from "@/db/transaction";
import type { Database } from "@/db/client";
import { formatBytes, type Refusal } from "../read/refusal";

export type UploadLimits = {
  maxActivePerSource: number;
  storageQuotaBytes: number;
  /** Finished imports older than this have had their files pruned: they hold nothing any more. */
  retentionDays: number;
};

/** An upload that has received nothing for this long lost its client or its process: it stops holding a place. */
export const UPLOAD_STALE_SECONDS = 120;
/** How often a receiving upload records its progress (updated_at and bytes so far). */
export const UPLOAD_PROGRESS_MS = 10_000;
const RETRY_AFTER_SECONDS = 30;

type Slot = { accountId: string; sourceId: string | null };

/**
 * A resumable (tus) upload still receiving (lib/imports/upload): it holds a place while it sends, and
 * its full length counts against the quota. Once whole it is staged as an import and counts as one.
 */
const UNFINISHED_UPLOAD = "import_id is null and error is null and (upload_length is null or upload_offset < upload_length)";

/**
 * Runs `insert` when fewer than `max` uploads of this source (or, for a file naming its own flows,
 * of the account's multi-flow uploads) are receiving; otherwise a 429 refusal.
 */
export async function claimUploadSlot(database: Database, slot: Slot, max: number, insert: (query: Query) => Promise<void>): Promise<Refusal | null> {
  return withTransaction(database, async (tx) => {
    const key = slot.sourceId ? `import-upload:${slot.sourceId}` : `import-upload-account:${slot.accountId}`;
    await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
    const { rows } = await tx.query<{ n: number }>(
      `select ((select count(*) from imports
                where account_id = $1 and source_id is not distinct from $2 and status = 'receiving'
                  and updated_at > now() - make_interval(secs => $3))
             + (select count(*) from uploads
                where account_id = $1 and source_id is not distinct from $2 and ${UNFINISHED_UPLOAD}
                  and updated_at > now() - make_interval(secs => $3)))::int as n`,
      [slot.accountId, slot.sourceId, UPLOAD_STALE_SECONDS],
    );
    if (rows[0]!.n >= max) return tooManyUploads(max, slot.sourceId !== null);
    await insert(tx.query);
    return null;
  });
}

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

function tooManyUploads(max: number, perSource: boolean): Refusal {
  const who = perSource ? "This source" : "This account";
  return {
    status: "refused",
    httpStatus: 429,
    retryAfter: RETRY_AFTER_SECONDS,
    message: `${who} already has ${max} ${max === 1 ? "upload" : "uploads"} in progress. Wait for one to finish, then upload again.`,
  };
}

/**
 * Bytes of uploaded files the account's imports hold: every import but the finished ones whose
 * files the maintenance job has pruned (finished longer ago than the retention). A receiving upload
 * counts what it has received so far; an unfinished resumable upload its whole length.
 */
export async function storedBytes(database: Database, accountId: string, retentionDays: number): Promise<number> {
  const { rows } = await withTransaction(database, (tx) =>
    tx.query<{ n: string | number | null }>(
      `select ((select coalesce(sum(bytes), 0) from imports
               where account_id = $1
                 and not (status in ('completed', 'failed', 'cancelled') and coalesce(completed_at, updated_at) < now() - make_interval(days => $2)))
            + (select coalesce(sum(coalesce(upload_length, upload_offset)), 0) from uploads where account_id = $1 and ${UNFINISHED_UPLOAD}))::bigint as n`,
      [accountId, retentionDays],
    ),
  );
  return Number(rows[0]?.n ?? 0);
}

export function quotaMessage(used: number, quota: number, retentionDays: number): string {
  return (
    `Your account's imports already hold ${formatBytes(used)} of the ${formatBytes(quota)} allowed for stored files, and this file would pass it. ` +
    `Delete imports you no longer need (DELETE /api/imports/{id}; their leads are kept), or wait: a finished import's file is removed ${retentionDays} days after it finishes.`
  );
}
