// The flow module's one entry point. The real-time API calls it with one lead, the batch import
// with a batch of staged rows: same code, same outcomes. Order for each lead: normalize ->
// acceptance criteria (flow, then source) -> price -> volume caps (flow, then source) -> steps.
// A batch goes through each stage together so dedupe claims and saves are one round trip each.
import { newId } from "@/lib/ids";
import { checkAcceptance } from "./acceptance";
import { reserveCaps } from "./caps";
import type { FlowStore, Deliver, ProcessedLead } from "./flow-store";
import { buildLeadRecord, type WorkingLead } from "./lead-record";
import type { FlowConfig, Outcome, SourceConfig } from "./model";
import { fieldTypeMap, normalizeLead, typeOfField, type LeadData } from "./normalize";
import { computePrice } from "./pricing";
import type { RuleOptions } from "./rules";
import { runStep } from "./steps/run-step";
import { getFieldType } from "./types";

export type FlowContext = {
  accountId: string;
  timeZone: string;
  flow: { id: string; enabled: boolean; config: FlowConfig };
  source: { id: string; config: SourceConfig };
};

export type LeadInput = {
  data: LeadData;
  importId?: string | null;
  importLine?: number | null;
  isBatchLead?: boolean;
  submittedAt?: Date;
};

export type ProcessOptions = { store: FlowStore; deliver: Deliver; now?: () => Date };

export async function processLeads(ctx: FlowContext, inputs: LeadInput[], options: ProcessOptions): Promise<ProcessedLead[]> {
  const now = options.now?.() ?? new Date();
  const types = fieldTypeMap(ctx.flow.config.fields);
  const labels = new Map(ctx.flow.config.fields.map((f) => [f.id, f.label]));
  const ruleOptions: RuleOptions = {
    typeOf: (id) => getFieldType(typeOfField(types, id)),
    labelOf: (id) => labels.get(id) ?? id,
  };
  const leads: WorkingLead[] = inputs.map((input) => ({
    id: newId(),
    input,
    submittedAt: input.submittedAt ?? now,
    lead: normalizeLead(types, input.data),
    events: [],
    outcome: null,
    reason: null,
    price: 0,
    caps: [],
    claims: [],
  }));
  if (!ctx.flow.enabled) for (const w of leads) finish(w, "error", "Flow is disabled", "flow");
  else await runFlow(ctx, leads, { ...options, ruleOptions, now });
  await settle(leads, options.store);
  const records = leads.map((w) => buildLeadRecord(ctx, w, types));
  await options.store.saveLeads(records);
  return records;
}

type RunOptions = Omit<ProcessOptions, "now"> & { ruleOptions: RuleOptions; now: Date };

async function runFlow(ctx: FlowContext, leads: WorkingLead[], options: RunOptions) {
  const { config } = ctx.flow;
  for (const w of leads) {
    const started = performance.now();
    const result = checkAcceptance([...config.acceptance, ...ctx.source.config.acceptance], w.lead, options.ruleOptions);
    if (!result.pass) finish(w, "failure", result.reason, "acceptance criteria", started);
    else w.events.push(event(w, "acceptance criteria", "success", null, started));
  }
  for (const w of alive(leads)) {
    w.price = computePrice(config.pricing, ctx.source.config.pricing, w.lead, undefined, options.ruleOptions);
  }
  if (config.caps.length + ctx.source.config.caps.length > 0) {
    for (const w of alive(leads)) {
      const started = performance.now();
      const checks = [
        { scope: `flow:${ctx.flow.id}`, caps: config.caps },
        { scope: `source:${ctx.source.id}`, caps: ctx.source.config.caps },
      ];
      const taken = await reserveCaps({ store: options.store, checks, lead: w.lead, at: w.submittedAt, timeZone: ctx.timeZone, ruleOptions: options.ruleOptions });
      if (taken === null) finish(w, "failure", "Cap reached", "volume caps", started);
      else w.caps.push(...taken);
    }
  }
  for (const [position, step] of config.steps.entries()) {
    const pending = alive(leads);
    if (pending.length === 0) break;
    await runStep({ ctx, step, position: position + 1, leads: pending, ...options });
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

export const alive = (leads: WorkingLead[]) => leads.filter((w) => w.outcome === null);

export function event(w: WorkingLead, step: string, outcome: WorkingLead["events"][number]["outcome"], reason: string | null, started: number) {
  return { position: w.events.length, step, outcome, reason, durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
}

export function finish(w: WorkingLead, outcome: Outcome, reason: string | null, step: string, started = performance.now()) {
  w.outcome = outcome;
  w.reason = reason;
  w.events.push(event(w, step, outcome, reason, started));
}
