import "server-only";
import type { AuditActor } from "@/lib/audit/record";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { withRequestLog } from "@/lib/logging/request-log";
import { accessOf, actorOf, identifyCaller, mayChangeImports, type Caller } from "./access";
import { isAcceptedContentType, UNSUPPORTED_CONTENT_TYPE_MESSAGE } from "./read/content-types";
import type { ImportAccess, ImportTarget } from "./store";
import { createImport } from "./service";

// Shared by the import API's route handlers: who is calling, JSON errors a person can act on,
// and the upload itself. Nothing internal reaches a client: unexpected errors are logged here and
// answered with a generic 500.

export const json = (body: unknown, status = 200, headers?: HeadersInit) => Response.json(body, { status, headers });
export const errorResponse = (status: number, message: string) => json({ error: message }, status);

type Outcome = { status: string; message?: string; httpStatus?: number; retryAfter?: number };

/** Maps a lib/imports result that is not "ok" to its HTTP answer. */
export function failure(result: Outcome): Response {
  switch (result.status) {
    case "not_found":
      return errorResponse(404, "No such import, flow or source for these credentials.");
    case "forbidden":
      return errorResponse(403, result.message ?? "Not allowed.");
    case "conflict":
      return errorResponse(409, result.message ?? "The import is not in a state that allows this.");
    case "refused": {
      const retry = typeof result.retryAfter === "number" ? { "Retry-After": String(result.retryAfter) } : undefined;
      return json({ error: result.message ?? "The file cannot be imported." }, result.httpStatus ?? 400, retry);
    }
    default:
      return errorResponse(400, result.message ?? "The request is not valid.");
  }
}

// Every line logged while the request runs carries its request id (lib/logging/request-log.ts).
export function withCaller(request: Request, handle: (caller: Caller) => Promise<Response>): Promise<Response> {
  return withRequestLog(request, async () => {
    try {
      const caller = await identifyCaller(request);
      if (!caller) {
        return json({ error: "Sign in, or send the source's API key as HTTP Basic with user API." }, 401, { "WWW-Authenticate": 'Basic realm="Leadport"' });
      }
      return await handle(caller);
    } catch (error) {
      logger.error({ err: error, path: new URL(request.url).pathname }, "import API request failed");
      return errorResponse(500, "Something went wrong on our side. Try again in a moment.");
    }
  });
}

/** For routes under /api/imports/{id}: the caller's access, or 401/500 as above. */
export function withAccess(request: Request, handle: (access: ImportAccess) => Promise<Response>): Promise<Response> {
  return withCaller(request, (caller) => handle(accessOf(caller)));
}

/**
 * For routes that create or change an import: as withCaller, but a signed-in person whose role
 * cannot change imports (a viewer) is answered 403 before anything is read or written.
 */
export function withChangingCaller(request: Request, handle: (caller: Caller) => Promise<Response>): Promise<Response> {
  return withCaller(request, (caller) => (mayChangeImports(caller) ? handle(caller) : Promise.resolve(errorResponse(403, FORBIDDEN_MESSAGE))));
}

/** withAccess for routes that change an import, with who is changing it for the audit log. */
export function withChangeAccess(request: Request, handle: (access: ImportAccess, actor: AuditActor) => Promise<Response>): Promise<Response> {
  return withChangingCaller(request, (caller) => handle(accessOf(caller), actorOf(caller)));
}

export const importUrl = (id: string) => `${env.APP_URL.replace(/\/$/, "")}/api/imports/${id}`;

/** POST body -> createImport. Query: header, delimiter, encoding, sheet (.xlsx), auto=1, name (or the X-File-Name header). */
export async function createFromRequest(request: Request, target: ImportTarget): Promise<Response> {
  if (!isAcceptedContentType(request.headers.get("content-type"))) return errorResponse(415, UNSUPPORTED_CONTENT_TYPE_MESSAGE);
  const query = new URL(request.url).searchParams;
  const settings = Object.fromEntries(["header", "delimiter", "encoding", "sheet"].flatMap((k) => (query.has(k) ? [[k, query.get(k)]] : [])));
  const length = request.headers.get("content-length");
  const result = await createImport(target, {
    body: request.body ? chunksOf(request.body) : emptyBody(),
    contentLength: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    fileName: query.get("name") ?? decodeName(request.headers.get("x-file-name")),
    settings,
    auto: query.get("auto") === "1" || query.get("auto") === "true",
  });
  if (result.status !== "ok") return failure(result);
  const url = importUrl(result.import.id);
  return json({ ...result.import, url }, 201, { Location: url });
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    done = true;
  } finally {
    // Stopped early (too large, unreadable): drop the rest of the upload instead of receiving it.
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {
  return;
}

function decodeName(header: string | null): string {
  if (!header) return "";
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
