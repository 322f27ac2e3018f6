// Replies shared by the lead API's handlers.
import { logger } from "@/lib/logger";
import type { ApiReply, ApiRequest } from "./api-http";
import type { ReplyFormat } from "./negotiate";
import { reply, type SubmitBody } from "./render";

const JSON_TYPE = "application/json; charset=utf-8";

export function leadReply(format: ReplyFormat, body: SubmitBody, location: string | null, headers: Record<string, string> = {}): ApiReply {
  return location ? reply(format, 303, body, { location, ...headers }) : reply(format, 201, body, headers);
}

export function methodNotAllowed(method: string, allow: string): ApiReply {
  return { status: 405, headers: { allow, "content-type": JSON_TYPE }, body: JSON.stringify({ message: `The ${method} method is not allowed` }) };
}

// Sent as JSON: the client accepts nothing we could send, so we send what most clients read.
export function notAcceptable(): ApiReply {
  return { status: 406, headers: { "content-type": JSON_TYPE }, body: JSON.stringify({ message: "Not capable of generating content according to the Accept header" }) };
}

export function unauthorized(format: ReplyFormat): ApiReply {
  return reply(format, 401, { message: "This source requires its API key (HTTP Basic, user API)" }, { "www-authenticate": 'Basic realm="Leadport", charset="UTF-8"' });
}

// Unexpected errors: the cause goes to the log, never to the client. A client that hung up while
// sending its body is not our error: noted, not alarmed about.
export function internalError(format: ReplyFormat, cause: unknown, request?: ApiRequest): ApiReply {
  if (request?.aborted()) logger.warn({ err: cause }, "Lead API client went away mid-request");
  else logger.error({ err: cause }, "Lead API request failed");
  return reply(format, 500, { message: "Internal error" });
}
