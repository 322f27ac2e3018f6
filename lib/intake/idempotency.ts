// Beyond LeadConduit: a request with an Idempotency-Key creates at most one lead. The first request
// claims the key by inserting it; a retry after it finished gets its reply again (status included),
// a retry while it is still running gets 409.
import type { Deliver } from "@/lib/flow/flow-store";
import type { LeadData } from "@/lib/flow/normalize";
import type { ApiReply } from "./api-http";
import type { ReplyFormat } from "./negotiate";
import { claimIdempotencyKey, releaseIdempotencyKey, type SubmitTarget } from "./queries";
import { leadReply, textError } from "./replies";
import { reply } from "./render";
import { submitCheckedLead } from "./submit-lead";

const KEY_RE = /^[\x21-\x7e]{1,255}$/;

export type IdempotentSubmit = {
  format: ReplyFormat;
  target: SubmitTarget;
  data: LeadData;
  redirect: string | null;
  key: string;
  deliver?: Deliver;
};

export async function submitOnce({ format, target, data, redirect, key, deliver }: IdempotentSubmit): Promise<ApiReply> {
  if (!KEY_RE.test(key)) return textError(400, "Idempotency-Key must be 1 to 255 visible ASCII characters");
  const ref = { sourceId: target.context.source.id, key };
  const claim = await claimIdempotencyKey(ref);
  if (claim.state === "in_flight") {
    return textError(409, "A request with this Idempotency-Key is still being processed", { "retry-after": "1" });
  }
  if (claim.state === "done") {
    const headers: Record<string, string> = { "idempotent-replayed": "true" };
    if (claim.reply.location) headers.location = claim.reply.location;
    return reply(format, claim.status, claim.reply.body, headers);
  }
  try {
    const body = await submitCheckedLead(target, data, { deliver, idempotency: { ...ref, location: redirect } });
    return leadReply(format, body, redirect);
  } catch (err) {
    await releaseIdempotencyKey(ref).catch(() => {});
    throw err;
  }
}
