// The flow module's one entry point. The real-time API calls it with one lead, the batch import
// with a batch of staged rows: same code, same outcomes. Order for each lead: normalize ->
// acceptance criteria (flow, then source) -> price -> volume caps (flow, then source) -> steps.
// A batch goes through each stage together (planWaves says when it must not) so dedupe claims and
// saves are one round trip each; a lone lead whose last step is the dedupe is one round trip in all
// (processAlone).
import { newId } from "@/lib/ids";
import { checkAcceptance } from "./acceptance";
import { hasCaps, planWaves } from "./batch-waves";
import { reserveCaps } from "./caps";
import type { FlowStore, Deliver, ProcessedLead } from "./flow-store";
import { alive, buildLeadRecord, event, finish, type WorkingLead } from "./lead-record";
import type { FlowContext, LeadInput } from "./flow-context";
import type { DedupeStep, FlowConfig, SourceConfig } from "./model";
import { fieldTypeMap, normalizeLead, ruleOptionsFor, type FieldTypeMap } from "./normalize";
import { computePrice } from "./pricing";
import type { RuleOptions } from "./rules";
import { asDuplicate, dedupeClaimForSave, holderOf, runStep } from "./steps/run-step";

export type ProcessOptions = { store: FlowStore; deliver: Deliver; now?: () => Date };

// leads.price is numeric(12,4): a larger price (only a source-submitted one can be) fails the lead.
const MAX_PRICE = 99_999_999;

export async function processLeads(ctx: FlowContext, inputs: LeadInput[], options: ProcessOptions): Promise<ProcessedLead[]> {
  const now = options.now?.() ?? new Date();
  const types = fieldTypeMap(ctx.flow.config.fields);
  const ruleOptions: RuleOptions = ruleOptionsFor(ctx.flow.config.fields, types);
  const leads = inputs.map((input) => workingLead(input, now, types));
  const lastClaim = leads.length === 1 && ctx.flow.enabled ? dedupeStepForSave(ctx.flow.config, ctx.source.config) : null;
  if (lastClaim) return [await processAlone(ctx, leads[0]!, lastClaim, { ...options, ruleOptions, now, types })];
  if (!ctx.flow.enabled) for (const w of leads) finish(w, "error", "Flow is disabled", "flow");
  else {
    for (const wave of planWaves(ctx.flow.config, ctx.source.config, leads)) {
      await runFlow(ctx, wave, { ...options, ruleOptions, now });
      await settle(wave, options.store);
    }
  }
  const records = leads.map((w) => buildLeadRecord(ctx, w, types));
  await options.store.saveLeads(records);
  return records;
}

export function workingLead(input: LeadInput, now: Date, types: FieldTypeMap): WorkingLead {
  return {
    id: input.id ?? newId(now.getTime()),
    input,
    submittedAt: input.submittedAt ?? now,
    lead: input.normalized ?? normalizeLead(types, input.data),
    events: [],
    outcome: null,
    reason: null,
    price: 0,
    caps: [],
    claims: [],
  };
}

// The flow's only dedupe step, when it is the last step and nothing has caps: a lone lead's outcome
// then hangs on nothing but that step's claim, so the statement saving the lead can make the claim.
function dedupeStepForSave(flow: FlowConfig, source: SourceConfig): DedupeStep | null {
  const dedupes = flow.steps.filter((s) => s.type === "dedupe");
  const last = flow.steps.at(-1);
  return dedupes.length === 1 && last?.type === "dedupe" && !hasCaps(flow, source) ? last : null;
}

// Whether processLeads reaches the store with one statement for a lone lead of this flow (no caps,
// at most one dedupe step and that one last), so a caller may leave out the transaction around it.
export function savesLeadInOneStatement(flow: FlowConfig, source: SourceConfig): boolean {
  const hasDedupe = flow.steps.some((s) => s.type === "dedupe");
  return hasDedupe ? dedupeStepForSave(flow, source) !== null : !hasCaps(flow, source);
}

export type RunOptions = Omit<ProcessOptions, "now"> & { ruleOptions: RuleOptions; now: Date };

// The real-time API's usual case: everything before the last step's claim is decided in memory,
// then one statement claims the key and saves the lead as it is or, if the key was taken, as a duplicate.
async function processAlone(ctx: FlowContext, w: WorkingLead, step: DedupeStep, options: RunOptions & { types: FieldTypeMap }): Promise<ProcessedLead> {
  const { steps } = ctx.flow.config;
  await runFlow(ctx, [w], options, steps.slice(0, -1));
  const claim = w.outcome === null ? dedupeClaimForSave({ ctx, step, position: steps.length, leads: [w], ...options }) : null;
  await settle([w], options.store);
  const lead = buildLeadRecord(ctx, w, options.types);
  if (claim === null) {
    await options.store.saveLeads([lead]);
    return lead;
  }
  const duplicate = asDuplicate(lead);
  return (await options.store.saveLeadClaiming(claim, lead, duplicate)) ? lead : duplicate;
}

// Acceptance criteria, pricing, caps and steps; a ping (ping-lead.ts) runs it too, with a check-only store.
export async function runFlow(ctx: FlowContext, leads: WorkingLead[], options: RunOptions, steps = ctx.flow.config.steps) {
  const { config } = ctx.flow;
  for (const w of leads) {
    const started = performance.now();
    const result = checkAcceptance([...config.acceptance, ...ctx.source.config.acceptance], w.lead, options.ruleOptions);
    if (!result.pass) finish(w, "failure", result.reason, "acceptance criteria", started);
    else w.events.push(event(w, "acceptance criteria", "success", null, started));
  }
  for (const w of alive(leads)) {
    w.price = computePrice(config.pricing, ctx.source.config.pricing, w.lead, undefined, options.ruleOptions);
    if (w.price > MAX_PRICE) finish(w, "failure", "Price is too large", "pricing");
  }
  await checkCaps(ctx, alive(leads), options);
  for (const [position, step] of steps.entries()) {
    const pending = alive(leads);
    if (pending.length === 0) break;
    await runStep({ ctx, step, position: position + 1, leads: pending, ...options });
  }
}

async function checkCaps(ctx: FlowContext, leads: WorkingLead[], options: RunOptions) {
  const checks = [
    { scope: `flow:${ctx.flow.id}`, caps: ctx.flow.config.caps },
    { scope: `source:${ctx.source.id}`, caps: ctx.source.config.caps },
  ];
  if (checks.every((c) => c.caps.length === 0)) return;
  for (const w of leads) {
    const started = performance.now();
    const taken = await reserveCaps({
      store: options.store, checks, lead: w.lead, at: w.submittedAt, timeZone: ctx.timeZone, ruleOptions: options.ruleOptions, holder: holderOf(w),
    });
    if (taken === null) finish(w, "failure", "Cap reached", "volume caps", started);
    else w.caps.push(...taken);
  }
}

// Successful leads keep their dedupe claims and cap units; every other lead gives them back.
async function settle(leads: WorkingLead[], store: FlowStore) {
  for (const w of leads) if (w.outcome === null) w.outcome = "success";
  const losers = leads.filter((w) => w.outcome !== "success");
  const claims = losers.flatMap((w) => w.claims);
  if (claims.length > 0) await store.releaseDedupeKeys(claims);
  for (const w of losers) for (const cap of w.caps) await store.releaseCap(cap);
  for (const w of losers) w.price = 0;
}
