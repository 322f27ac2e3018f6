// Replies shared by the LeadConduit paths (submit, ping, meta). Errors are text/plain, as
// LeadConduit sends them, whatever the Accept header asked for: a client parses the lead's reply,
// and shows an error's text to a person.
import { logger } from "@/lib/logger";
import type { ApiReply, ApiRequest } from "./api-http";
import type { ReplyFormat } from "./negotiate";
import { reply } from "./render";
import type { SubmitBody } from "./reply-bodies";

const TEXT_TYPE = "text/plain; charset=utf-8";

export function textError(status: number, message: string, headers: Record<string, string> = {}): ApiReply {
  return { status, headers: { "content-type": TEXT_TYPE, "cache-control": "no-store", ...headers }, body: message };
}

export function leadReply(format: ReplyFormat, body: SubmitBody, location: string | null, headers: Record<string, string> = {}): ApiReply {
  return location ? reply(format, 303, body, { location, ...headers }) : reply(format, 201, body, headers);
}

export function methodNotAllowed(method: string, allow: string): ApiReply {
  return textError(405, `The ${method} method is not allowed`, { allow });
}

export function notAcceptable(): ApiReply {
  return textError(406, "Not capable of generating content according to the Accept header");
}

export function unauthorized(): ApiReply {
  return textError(401, "This source requires its API key (HTTP Basic, user API)", { "www-authenticate": 'Basic realm="Leadport", charset="UTF-8"' });
}

// Unexpected errors: the cause goes to the log, never to the client. A client that hung up while
// sending its body is not our error: noted, not alarmed about.
export function internalError(cause: unknown, request?: ApiRequest): ApiReply {
  if (request?.aborted()) logger.warn({ err: cause }, "Lead API client went away mid-request");
  else logger.error({ err: cause }, "Lead API request failed");
  return textError(500, "Internal error");
}
