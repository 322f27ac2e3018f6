import "server-only";
import type { Database } from "@/db/client";
import type { Refusal } from "../read/refusal";
import { tooLargeMessage } from "../read/refusal";
import { claimUploadSlot, quotaMessage, storedBytes, type UploadLimits } from "../stage/upload-limits";
import type { ImportTarget } from "../store";
import { insertUploadIn } from "./queries";

// A resumable upload is held to the one-request upload's limits (lib/imports/stage/upload-limits.ts,
// which counts unfinished resumable uploads too) when it is created, so a client learns at once, not
// after sending the file: the size limit, the account's storage quota (with this upload's whole
// length), and the uploads receiving at once per source (the count and the insert under one lock).
// Staging the finished file checks size and quota again, as for any upload.

export type NewUpload = { id: string; target: ImportTarget; length: number | null; metadata: Record<string, string | null> };

export async function admitUpload(database: Database, upload: NewUpload, limits: UploadLimits & { maxBytes: number }): Promise<Refusal | null> {
  if (upload.length !== null && upload.length > limits.maxBytes) return { status: "refused", httpStatus: 413, message: tooLargeMessage(limits.maxBytes) };
  const used = await storedBytes(database, upload.target.accountId, limits.retentionDays);
  if (used + (upload.length ?? 0) > limits.storageQuotaBytes) {
    return { status: "refused", httpStatus: 413, message: quotaMessage(used, limits.storageQuotaBytes, limits.retentionDays) };
  }
  return claimUploadSlot(database, upload.target, limits.maxActivePerSource, (query) =>
    insertUploadIn(query, { id: upload.id, ...upload.target, length: upload.length, metadata: upload.metadata }),
  );
}
