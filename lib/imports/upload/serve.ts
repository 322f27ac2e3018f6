import "server-only";
import { MemoryLocker, Server, type Upload } from "@tus/server";
import { getDatabase } from "@/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { accessOf, targetFor, type Caller } from "../access";
import { importUrl, withChangingCaller } from "../http";
import type { ImportTarget } from "../store";
import { endAtCut } from "./cut-body";
import { finishedOf, stageFinishedUpload, type Finished } from "./finish";
import { readUploadMetadata } from "./upload-metadata";
import { DatabaseUploadStore, tusError } from "./upload-store";

// The tus endpoint (app/api/uploads/[[...id]]/route.ts): the caller is identified as for the import
// API (a source's API key or docs token, or a person who may change imports), then @tus/server
// answers the protocol over a store bound to that caller. The answer that completes an upload, and
// any HEAD of a whole upload, carries what became of it: X-Import-Id and X-Import-Url, or the
// refusal (as the JSON error of a PATCH, as X-Import-Error on a HEAD, which has no body).

export const UPLOADS_PATH = "/api/uploads";
const RETRY_AFTER_SECONDS = 30;

// Within a process, tus's own lock lets a new request for an upload stop the old one (a client that
// reconnected while its dead request still holds the upload). Across processes the store's
// offset-checked writes (queries.ts) keep chunks from overlapping.
const locker = new MemoryLocker();

export function serveUpload(request: Request): Promise<Response> {
  // OPTIONS (protocol discovery) needs no caller and reaches no upload.
  if (request.method === "OPTIONS") return tusServer(storeFor(null)).handleWeb(request);
  return withChangingCaller(request, async (caller) => {
    const store = storeFor(caller);
    const response = await tusServer(store).handleWeb(withEndingBody(request));
    const seen = store.seen;
    if (request.method === "HEAD" && response.status === 200 && seen && seen.length === seen.offset) {
      const finished = finishedOf(seen) ?? (await stageFinishedUpload(getDatabase(), seen.id));
      for (const [name, value] of Object.entries(finishedHeaders(finished))) response.headers.set(name, value);
    }
    if (response.status === 429) response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return response;
  });
}

function storeFor(caller: Caller | null): DatabaseUploadStore {
  return new DatabaseUploadStore({
    database: getDatabase(),
    // No account has an empty id: without a caller, every upload is "not found".
    access: caller ? accessOf(caller) : { accountId: "" },
    limits: { maxBytes: env.IMPORT_MAX_BYTES, maxActivePerSource: env.IMPORT_MAX_ACTIVE_PER_SOURCE, storageQuotaBytes: env.IMPORT_STORAGE_QUOTA_BYTES, retentionDays: env.IMPORT_FILE_RETENTION_DAYS },
    targetOf: (upload) => (caller ? targetOfUpload(caller, upload) : Promise.reject(tusError(401, "Sign in, or send the source's API key."))),
  });
}

function tusServer(store: DatabaseUploadStore): Server {
  return new Server({
    path: UPLOADS_PATH,
    datastore: store,
    locker,
    relativeLocation: true,
    // Same origin only, like the rest of the import API: no Access-Control-Allow-Origin at all.
    allowedOrigins: [],
    maxSize: env.IMPORT_MAX_BYTES,
    namingFunction: () => newId(),
    exposedHeaders: ["X-Import-Id", "X-Import-Url", "X-Import-Error"],
    onUploadFinish: async (_request, upload) => {
      const finished = await stageFinishedUpload(getDatabase(), upload.id);
      if (finished.status === "refused") throw tusError(finished.httpStatus, finished.message);
      return { headers: finishedHeaders(finished) };
    },
    onResponseError: (request, error) => {
      if ("status_code" in error && typeof error.status_code === "number") return undefined;
      logger.error({ err: error, method: request.method }, "resumable upload request failed");
      return tusError(500, "Something went wrong on our side. Try again in a moment.");
    },
  });
}

function finishedHeaders(finished: Finished): Record<string, string> {
  if (finished.status === "staged") return { "X-Import-Id": finished.importId, "X-Import-Url": importUrl(finished.importId) };
  if (finished.status === "refused") return { "X-Import-Error": encodeURIComponent(finished.message) };
  return {};
}

async function targetOfUpload(caller: Caller, upload: Upload): Promise<ImportTarget> {
  const read = readUploadMetadata(upload.metadata);
  if (read.status === "invalid") throw tusError(400, read.message);
  if (!read.target) {
    if (caller.kind !== "holder") throw tusError(403, "A source's key imports into its own flow: give flowId and sourceId in Upload-Metadata.");
    return { accountId: caller.accountId, flowId: null, sourceId: null, startedBy: caller.holderId };
  }
  const check = await targetFor(caller, read.target.flowId, read.target.sourceId);
  if (check.status === "ok") return check.target;
  throw check.status === "forbidden" ? tusError(403, check.message) : tusError(404, "No such flow or source for these credentials.");
}

/** A chunk's body that ends, rather than fails, where the connection was cut (cut-body.ts). */
function withEndingBody(request: Request): Request {
  if (!request.body) return request;
  return new Request(request.url, { method: request.method, headers: request.headers, body: endAtCut(request.body, request.signal), duplex: "half" } as RequestInit);
}
