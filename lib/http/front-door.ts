// What scripts/start.mjs does to every request before Next or a direct route sees it (bundled into
// <dist>/leadport/front-door.cjs by scripts/build-server.mjs): it fixes the client's address from the
// socket and TRUST_PROXY, drops forwarded headers no trusted proxy wrote, adds the security headers,
// and refuses a cross-origin Server Action with 403 instead of Next's 500.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseEnv } from "@/lib/env-schema";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, markFrontDoor } from "./client-address";
import { securityHeaders, servedOverHttps } from "./security-headers";
import { CROSS_ORIGIN_ACTION_MESSAGE, isCrossOriginServerAction } from "./server-action-guard";

export type FrontDoorOptions = { trustProxy: number; appUrl: string };

/** Returns a function that prepares a request; it answers (and returns true) when the request is refused. */
export function createFrontDoor({ trustProxy, appUrl }: FrontDoorOptions) {
  markFrontDoor();
  return function frontDoor(req: IncomingMessage, res: ServerResponse): boolean {
    const headers = req.headers;
    const https = servedOverHttps({ appUrl, forwardedProto: headers["x-forwarded-proto"], trustProxy });
    // Node lower-cases header names, so this removes every spelling a client could send.
    headers[CLIENT_ADDRESS_HEADER] = clientAddressOf({ socketAddress: req.socket?.remoteAddress, forwardedFor: headers["x-forwarded-for"], trustProxy });
    if (trustProxy === 0) {
      // Nobody trusted wrote these: Next then fills them from the socket, as for a direct client.
      delete headers["x-forwarded-for"];
      delete headers["x-forwarded-proto"];
    }
    for (const [name, value] of Object.entries(securityHeaders(https))) res.setHeader(name, value);
    const path = req.url ?? "/";
    if (isCrossOriginServerAction(req.method, path, (name) => headers[name])) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(CROSS_ORIGIN_ACTION_MESSAGE);
      return true;
    }
    return false;
  };
}

/** The front door as the environment configures it; call after Next has loaded the .env files. */
export function frontDoorFromEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(source);
  return createFrontDoor({ trustProxy: env.TRUST_PROXY, appUrl: env.APP_URL });
}

/**
 * Node's requestTimeout for the server, in ms, from REQUEST_TIMEOUT_SECONDS. Node's own default (300 s)
 * cut off large uploads with a bare 408: the upload's answer comes only once the file is staged.
 */
export function requestTimeoutMsFromEnv(source: Record<string, string | undefined> = process.env): number {
  return parseEnv(source).REQUEST_TIMEOUT_SECONDS * 1000;
}
