// Request ids and last-resort error logging for route handlers. Next has no request logger of its
// own, so each handler runs through withRequestLog: it takes the caller's X-Request-Id (set by a load
// balancer or proxy) or makes one, tags every log line written during the request with it, echoes
// it in the response, and turns an exception nobody caught into a logged cause and a generic 500.
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { logger, withLogContext } from "@/lib/logger";
import { loggablePath } from "./loggable-path";

export const REQUEST_ID_HEADER = "x-request-id";

// Visible ASCII, bounded: an id from outside is logged as is, so it must not carry line breaks.
const VALID_ID = /^[\x21-\x7e]{1,128}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && VALID_ID.test(given) ? given : randomUUID();
}

export async function withRequestLog(request: Request, handle: () => Promise<Response> | Response): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  return withLogContext({ requestId }, async () => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handle();
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's own control flow pass through
      logger.error({ err: error, method: request.method, path: loggablePath(new URL(request.url).pathname) }, "request failed");
      response = Response.json({ message: "Internal error" }, { status: 500 });
    }
    logger.debug({ method: request.method, path: loggablePath(new URL(request.url).pathname), status: response.status, ms: Math.round(performance.now() - started) }, "request");
    return withHeader(response, REQUEST_ID_HEADER, requestId);
  });
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
