// Request ids and last-resort error logging for route handlers. Next has no request logger of its
// own, so each handler runs through withRequestLog: it takes the caller's X-Request-Id (set by a load
// balancer or proxy) or makes one, tags every log line written during the request with it, echoes
// it in the response, and turns an exception nobody caught into a logged cause and a generic 500.
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { logger, withLogContext } from "@/lib/logger";
import type { ApiReply, ApiRequest } from "@/lib/intake/api-http";
import { loggablePath } from "./loggable-path";

export const REQUEST_ID_HEADER = "x-request-id";

// Visible ASCII, bounded: an id from outside is logged as is, so it must not carry line breaks.
const VALID_ID = /^[\x21-\x7e]{1,128}$/;

export function requestIdOf(headers: Pick<Headers, "get">): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && VALID_ID.test(given) ? given : randomUUID();
}

type Logged<T> = { requestId: string; method: string; path: string; handle: () => Promise<T> | T; failed: () => T; statusOf: (result: T) => number };

// What both shapes share: the log context, the last-resort catch, the debug line.
async function logged<T>({ requestId, method, path, handle, failed, statusOf }: Logged<T>): Promise<T> {
  return withLogContext({ requestId }, async () => {
    const started = performance.now();
    let result: T;
    try {
      result = await handle();
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's own control flow pass through
      logger.error({ err: error, method, path: loggablePath(path) }, "request failed");
      result = failed();
    }
    logger.debug({ method, path: loggablePath(path), status: statusOf(result), ms: Math.round(performance.now() - started) }, "request");
    return result;
  });
}

export async function withRequestLog(request: Request, handle: () => Promise<Response> | Response): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const path = new URL(request.url).pathname;
  const failed = () => Response.json({ message: "Internal error" }, { status: 500 });
  const response = await logged({ requestId, method: request.method, path, handle, failed, statusOf: (r) => r.status });
  return withHeader(response, REQUEST_ID_HEADER, requestId);
}

/** withRequestLog for the lead API's transport-neutral request and reply (lib/intake/api-http.ts). */
export async function withApiRequestLog(request: ApiRequest, handle: () => Promise<ApiReply>): Promise<ApiReply> {
  const requestId = requestIdOf({ get: (name) => request.header(name) });
  const failed = (): ApiReply => ({ status: 500, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ message: "Internal error" }) });
  const reply = await logged({ requestId, method: request.method, path: request.path, handle, failed, statusOf: (r) => r.status });
  return { ...reply, headers: { ...reply.headers, [REQUEST_ID_HEADER]: requestId } };
}

// Some responses (Response.redirect, a proxied fetch) have immutable headers: copy those.
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
