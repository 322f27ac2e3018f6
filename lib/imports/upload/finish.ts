import "server-only";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";
import { createImport } from "../service";
import { claimStaging, readPieces, recordStaging, releaseStaging, type UploadState } from "./queries";
import { readUploadMetadata } from "./upload-metadata";

// A whole upload becomes an import the way a one-request upload does: its bytes, read back from
// upload_pieces in order, go through createImport (size and quota, sniff, detect, stage), so the
// import is the same one a single POST of the file makes. One process stages it (claimStaging);
// the pieces are deleted once it is staged or refused, and the upload row keeps what became of it
// until it expires, so a client that lost the answer can ask again (HEAD).

export type Finished =
  | { status: "staged"; importId: string }
  | { status: "refused"; httpStatus: number; message: string }
  /** Another request is staging it (or the upload is not whole yet): ask again shortly. */
  | { status: "pending" };

export function finishedOf(state: UploadState): Finished | null {
  if (state.importId) return { status: "staged", importId: state.importId };
  if (state.error) return { status: "refused", httpStatus: 400, message: state.error };
  return null;
}

export async function stageFinishedUpload(database: Database, id: string): Promise<Finished> {
  const upload = await claimStaging(database, id);
  if (!upload) return { status: "pending" };
  const read = readUploadMetadata(upload.metadata);
  try {
    const result =
      read.status === "invalid"
        ? read
        : await createImport(
            { accountId: upload.accountId, flowId: upload.flowId, sourceId: upload.sourceId, startedBy: upload.startedBy },
            { body: readPieces(database, id), contentLength: upload.length, fileName: read.fileName, settings: read.settings },
          );
    if (result.status === "ok") {
      await recordStaging(database, id, { importId: result.import.id });
      logger.info({ uploadId: id, importId: result.import.id, bytes: upload.length }, "resumable upload staged");
      return { status: "staged", importId: result.import.id };
    }
    const httpStatus = "httpStatus" in result ? result.httpStatus : 400;
    // Too many uploads receiving at once passes: the file stays, to be staged when asked again.
    if (httpStatus === 429) await releaseStaging(database, id);
    else await recordStaging(database, id, { error: result.message });
    return { status: "refused", httpStatus, message: result.message };
  } catch (error) {
    await releaseStaging(database, id).catch(() => {});
    throw error;
  }
}
