import "server-only";
import type { Database } from "@/db/client";
import { withTransaction } from "@/db/transaction";
import type { Refusal } from "../read/refusal";
import { tooLargeMessage } from "../read/refusal";
import { quotaMessage, storedBytes, UPLOAD_STALE_SECONDS, type UploadLimits } from "../stage/upload-limits";
import type { ImportTarget } from "../store";
import { insertUploadIn } from "./queries";

// A resumable upload is held to the one-request upload's limits (lib/imports/stage/upload-limits.ts)
// when it is created, so a client learns at once, not after sending the file: the size limit, the
// account's storage quota (counting what unfinished uploads will hold), and the uploads receiving at
// once per source (imports receiving plus resumable uploads that received a chunk lately, under the
// same advisory lock as claimUploadSlot). Staging the finished file checks size and quota again.

const RETRY_AFTER_SECONDS = 30;

export type NewUpload = { id: string; target: ImportTarget; length: number | null; metadata: Record<string, string | null> };

export async function admitUpload(database: Database, upload: NewUpload, limits: UploadLimits & { maxBytes: number }): Promise<Refusal | null> {
  if (upload.length !== null && upload.length > limits.maxBytes) return { status: "refused", httpStatus: 413, message: tooLargeMessage(limits.maxBytes) };
  const used = (await storedBytes(database, upload.target.accountId, limits.retentionDays)) + (await unfinishedBytes(database, upload.target.accountId));
  if (used + (upload.length ?? 0) > limits.storageQuotaBytes) {
    return { status: "refused", httpStatus: 413, message: quotaMessage(used, limits.storageQuotaBytes, limits.retentionDays) };
  }
  return withTransaction(database, async (tx) => {
    const { sourceId, accountId } = upload.target;
    await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [sourceId ? `import-upload:${sourceId}` : `import-upload-account:${accountId}`]);
    const { rows } = await tx.query<{ n: number }>(
      `select (select count(*) from imports where account_id = $1 and source_id is not distinct from $2 and status = 'receiving'
                 and updated_at > now() - make_interval(secs => $3))
            + (select count(*) from uploads where account_id = $1 and source_id is not distinct from $2 and ${ACTIVE_UPLOAD}
                 and updated_at > now() - make_interval(secs => $3)) as n`,
      [accountId, sourceId, UPLOAD_STALE_SECONDS],
    );
    if (Number(rows[0]!.n) >= limits.maxActivePerSource) return tooManyUploads(limits.maxActivePerSource, sourceId !== null);
    await insertUploadIn(tx.query, { id: upload.id, ...upload.target, length: upload.length, metadata: upload.metadata });
    return null;
  });
}

/** Still receiving: neither staged nor refused, and short of its length (or its length unknown). */
const ACTIVE_UPLOAD = "import_id is null and error is null and (upload_length is null or upload_offset < upload_length)";

/** The bytes the account's unfinished resumable uploads will hold once whole (what they hold so far, when their length is deferred). */
async function unfinishedBytes(database: Database, accountId: string): Promise<number> {
  const { rows } = await withTransaction(database, (tx) =>
    tx.query<{ n: string | number | null }>(`select coalesce(sum(coalesce(upload_length, upload_offset)), 0)::bigint as n from uploads where account_id = $1 and ${ACTIVE_UPLOAD}`, [accountId]),
  );
  return Number(rows[0]?.n ?? 0);
}

function tooManyUploads(max: number, perSource: boolean): Refusal {
  const who = perSource ? "This source" : "This account";
  return {
    status: "refused",
    httpStatus: 429,
    retryAfter: RETRY_AFTER_SECONDS,
    message: `${who} already has ${max} ${max === 1 ? "upload" : "uploads"} in progress. Wait for one to finish, then upload again.`,
  };
}
