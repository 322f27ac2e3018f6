// The real-time lead API, LeadConduit-compatible: GET or POST /flows/{flowId}/sources/{sourceId}/submit.
// Statuses: 201 every processed lead (failures and errors too), 303 with redir_url, 400 unreadable
// body, nesting past 32 levels or a bad redir_url, 401 missing API key, 403 disabled source, 404 unknown
// flow or source, 406 Accept or Content-Type we cannot handle, 409 Idempotency-Key in flight, 413 body,
// field count (LEAD_MAX_FIELDS) or a value (64 KB) too large, 415 no Content-Type.
import type { Deliver } from "@/lib/flow/flow-store";
import type { LeadData } from "@/lib/flow/normalize";
import { env } from "@/lib/env";
import type { ApiReply, ApiRequest } from "./api-http";
import { getCurrentApiKeyHash } from "./api-key";
import { isAuthorized } from "./basic-auth";
import { submitOnce } from "./idempotency";
import { negotiateReply, type ReplyFormat } from "./negotiate";
import { readLeadRequest } from "./read-request";
import { internalError, leadReply, notAcceptable, textError, unauthorized } from "./replies";
import type { SubmitTarget } from "./queries";
import { checkTarget, findSubmitTarget, submitCheckedLead } from "./submit-lead";

export type SubmitIds = { flowId: string; sourceId: string };
export type HandlerOptions = { deliver?: Deliver };

export const SUBMIT_METHODS = "GET, POST";

export async function handleSubmit(request: ApiRequest, ids: SubmitIds, options: HandlerOptions = {}): Promise<ApiReply> {
  const format = negotiateReply(request.header("accept"));
  if (!format) return notAcceptable();
  try {
    return await submit(request, ids, format, options);
  } catch (err) {
    return internalError(err, request);
  }
}

export type AdmittedRequest = { ok: true; target: SubmitTarget; data: LeadData; redirect: string | null } | { ok: false; reply: ApiReply };

// What submit and ping check before the lead: the flow and source, the API key, the request itself.
export async function admitRequest(request: ApiRequest, ids: SubmitIds): Promise<AdmittedRequest> {
  const check = checkTarget(await findSubmitTarget(ids.flowId, ids.sourceId));
  if (!check.ok) return { ok: false, reply: textError(check.refusal.status, check.refusal.body.message) };
  if (!(await isAuthorized(request.header("authorization"), check.target, () => getCurrentApiKeyHash(ids.sourceId)))) return { ok: false, reply: unauthorized() };
  const read = await readLeadRequest(request);
  if (!read.ok) return { ok: false, reply: textError(read.status, read.message) };
  return { ok: true, target: check.target, data: read.data, redirect: read.redirect };
}

// The source's reply format, when it chose one over the negotiated default (the Submission Docs
// render their examples with it too).
export function replyFormatFor(target: SubmitTarget, negotiated: ReplyFormat): ReplyFormat {
  if (target.context.source.config.replyFormat !== "classic") return negotiated;
  const base = env.APP_URL.replace(/\/$/, "");
  return { kind: "classic", contentType: "application/xml", leadUrl: (id) => `${base}/leads/${id}` };
}

async function submit(request: ApiRequest, ids: SubmitIds, negotiated: ReplyFormat, options: HandlerOptions): Promise<ApiReply> {
  const admitted = await admitRequest(request, ids);
  if (!admitted.ok) return admitted.reply;
  const { target, data, redirect } = admitted;
  const format = replyFormatFor(target, negotiated);
  // Classic replies never redirect (LeadConduit's Standard Classic answers 201 whatever redir_url says).
  const location = format.kind === "classic" ? null : redirect;
  const key = request.header("idempotency-key");
  if (key !== null) return submitOnce({ format, target, data, redirect: location, key, deliver: options.deliver });
  const body = await submitCheckedLead(target, data, { deliver: options.deliver });
  return leadReply(format, body, location);
}
