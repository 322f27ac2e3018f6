// URLs the production server (scripts/start.mjs) answers before Next's request pipeline. Next costs
// about 0.8 ms of CPU per request on the 2-core machine this was measured on, even for a trivial GET
// (docs/benchmarks.md), which caps a process near 1,300 requests/s; the real-time lead API has to
// take 1,500 leads/s. Only a URL whose handler is a plain request-to-reply function with no Next
// feature (cookies(), redirect(), rendering, caching) may be listed here, and its App Router route
// must call the same function, so `next dev`, in-process tests and production answer alike.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SubmitIds } from "@/lib/intake/handle-submit";
import { servePing, serveSubmit } from "@/lib/intake/submit-route";
import { logger } from "@/lib/logger";
import { apiRequestOfNode, writeReply } from "./node-api-request";

export type NodeListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

// /flows/{flowId}/sources/{sourceId}/submit or /ping, with or without a query string; a trailing
// slash is left to Next, which redirects it as it does for every route.
const LEAD_API_PATH = /^\/flows\/([^/?#]+)\/sources\/([^/?#]+)\/(submit|ping)(?:\?|$)/;

export type DirectRoute = SubmitIds & { action: "submit" | "ping" };

export function directRouteOf(url: string): DirectRoute | null {
  const match = LEAD_API_PATH.exec(url);
  if (!match?.[1] || !match[2]) return null;
  try {
    return { flowId: decodeURIComponent(match[1]), sourceId: decodeURIComponent(match[2]), action: match[3] === "ping" ? "ping" : "submit" };
  } catch {
    return null; // a malformed escape: Next answers it with its own 400
  }
}

/** The listener for a URL answered outside Next, or null for everything Next serves. */
export function directRouteFor(req: IncomingMessage): NodeListener | null {
  const route = req.url ? directRouteOf(req.url) : null;
  return route ? (request, response) => serveDirect(request, response, route) : null;
}

async function serveDirect(req: IncomingMessage, res: ServerResponse, route: DirectRoute): Promise<void> {
  const ids = { flowId: route.flowId, sourceId: route.sourceId };
  try {
    const serve = route.action === "ping" ? servePing : serveSubmit;
    writeReply(res, await serve(apiRequestOfNode(req), ids));
  } catch (err) {
    // serveSubmit and servePing answer their own failures; this is a failure to write (the client went away).
    logger.warn({ err }, "could not send the lead API reply");
    res.destroy();
  }
}
