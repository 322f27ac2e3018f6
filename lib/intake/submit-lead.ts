// Submitting one lead to a flow through a source: what the real-time API does once the request is
// read, and what the UI's "Test this flow" and the Submission Docs example call directly.
import type { Deliver } from "@/lib/flow/flow-store";
import { deliverLead } from "@/lib/flow/steps/recipient";
import { env } from "@/lib/env";
import { isId } from "@/lib/ids";
import { leadDataOf } from "./lead-data";
import { getSubmitTarget, processLeadNow, type IdempotencyRef, type SubmitTarget } from "./queries";
import { submitBodyOf } from "./render";
import type { MessageBody, SubmitBody } from "./reply-bodies";
import { createTtlCache } from "./ttl-cache";

// The API reads a flow's and source's settings at most this often per process, so a change (a rule,
// a disabled source, requiring the API key) reaches every process within this time. The API key
// itself, dedupe claims and cap counters are never cached: they are read from the database on each
// request (lib/intake/api-key.ts), exact across processes.
export const SETTINGS_TTL_MS = 2000;
const targets = createTtlCache<SubmitTarget | null>({ ttlMs: SETTINGS_TTL_MS, maxEntries: 10_000 });

export function findSubmitTarget(flowId: string, sourceId: string, options: { fresh?: boolean } = {}): Promise<SubmitTarget | null> {
  if (!isId(flowId) || !isId(sourceId)) return Promise.resolve(null);
  if (options.fresh) return getSubmitTarget(flowId, sourceId);
  return targets.get(`${flowId}/${sourceId}`, () => getSubmitTarget(flowId, sourceId));
}

export const clearSubmitTargetCache = () => targets.clear();

export type Refusal = { status: 403 | 404; body: MessageBody };
export type TargetCheck = { ok: true; target: SubmitTarget } | { ok: false; refusal: Refusal };

// accountId, when given, must own the flow: another account's flow reads as not found.
export function checkTarget(target: SubmitTarget | null, accountId?: string): TargetCheck {
  if (!target || (accountId !== undefined && target.context.accountId !== accountId)) {
    return { ok: false, refusal: { status: 404, body: { message: "Flow or source not found" } } };
  }
  if (!target.sourceEnabled) return { ok: false, refusal: { status: 403, body: { message: "Source is disabled" } } };
  return { ok: true, target };
}

export type SubmitLeadInput = {
  flowId: string;
  sourceId: string;
  // Field values by id; nested objects become dotted ids (mortgage.property.state).
  data: Record<string, unknown>;
  // Marks the lead is_test=true, so step criteria can skip buyers and reports can leave it out.
  isTest?: boolean;
  // The signed-in account, so one account can never submit to another's flow.
  accountId?: string;
};
export type SubmitLeadResult = { status: 201; body: SubmitBody } | Refusal | { status: 400 | 413; body: MessageBody };

export async function submitLead(input: SubmitLeadInput, options: { deliver?: Deliver } = {}): Promise<SubmitLeadResult> {
  // Read fresh: someone testing a flow they just edited must see the edit.
  const check = checkTarget(await findSubmitTarget(input.flowId, input.sourceId, { fresh: true }), input.accountId);
  if (!check.ok) return check.refusal;
  const read = leadDataOf(input.data, {}, { maxFields: env.LEAD_MAX_FIELDS });
  if (!read.ok) return { status: read.status, body: { message: read.message } };
  const data = read.data;
  if (input.isTest) data.is_test = "true";
  const lead = await processLeadNow(check.target.context, { data }, { deliver: options.deliver ?? deliverLead });
  return { status: 201, body: submitBodyOf(lead) };
}

// The API's path: target already checked, data already read; the reply is stored with the lead
// when the request carries an Idempotency-Key.
export async function submitCheckedLead(
  target: SubmitTarget,
  data: Record<string, string>,
  options: { deliver?: Deliver; idempotency?: IdempotencyRef & { location: string | null } } = {},
): Promise<SubmitBody> {
  const lead = await processLeadNow(target.context, { data }, { deliver: options.deliver ?? deliverLead, idempotency: options.idempotency });
  return submitBodyOf(lead);
}
