// GET or POST /flows/{flowId}/sources/{sourceId}/ping: LeadConduit's ping, a price request before
// the lead is sent. Read, authorized and refused exactly as a submit is (admitRequest); the lead is
// checked by lib/flow/ping-lead.ts, never stored, and the reply has no lead id: 200 with the outcome
// and price, or failure with reason "no bid" when the price is 0 (303 with the query's redir_url).
import type { ApiReply, ApiRequest } from "./api-http";
import { admitRequest, type SubmitIds } from "./handle-submit";
import { negotiateReply } from "./negotiate";
import { pingNow } from "./ping-queries";
import { internalError, notAcceptable } from "./replies";
import { reply } from "./render";
import type { PingBody } from "./reply-bodies";

export const NO_BID = "no bid";

export function pingBodyOf(result: { outcome: PingBody["outcome"]; reason: string | null; price: number }): PingBody {
  if (!(result.price > 0)) return { outcome: "failure", reason: result.reason ?? NO_BID, price: 0 };
  const reason = result.reason ? { reason: result.reason } : {};
  return { outcome: result.outcome, ...reason, price: result.price };
}

export async function handlePing(request: ApiRequest, ids: SubmitIds): Promise<ApiReply> {
  const format = negotiateReply(request.header("accept"));
  if (!format) return notAcceptable();
  try {
    const admitted = await admitRequest(request, ids);
    if (!admitted.ok) return admitted.reply;
    const body = pingBodyOf(await pingNow(admitted.target.context, admitted.data));
    return admitted.redirect ? reply(format, 303, body, { location: admitted.redirect }) : reply(format, 200, body);
  } catch (err) {
    return internalError(err, request);
  }
}
