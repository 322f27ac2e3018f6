// A ping, LeadConduit's price request before the lead is sent: the lead goes through the same
// acceptance criteria, pricing, volume caps, filters and dedupe steps as a submitted lead (runFlow),
// but against a check-only store (check-store.ts), so it claims no dedupe key, takes no cap unit and
// is never saved; recipient steps are not run. A ping that would be bought (success, price above 0)
// takes a unit of each of the flow's ping limits that matches it, or fails when one is full.
import { reserveCaps } from "./caps";
import type { FlowStore } from "./flow-store";
import type { Outcome } from "./model";
import { fieldTypeMap, ruleOptionsFor, type LeadData } from "./normalize";
import { runFlow, workingLead } from "./process-leads";
import type { FlowContext } from "./flow-context";
import { finish } from "./lead-record";

export type PingOptions = {
  /** A check-only store (checkOnlyStore): reads claims and counts, writes nothing. */
  checks: FlowStore;
  /** Where ping-limit units are taken for real. */
  limits: FlowStore;
  now?: () => Date;
};

export type PingResult = { outcome: Outcome; reason: string | null; price: number };

export const PING_LIMIT_REACHED = "Ping limit reached";

const noDelivery = () => Promise.reject(new Error("A ping delivers nothing"));

export async function pingLead(ctx: FlowContext, data: LeadData, options: PingOptions): Promise<PingResult> {
  const now = options.now?.() ?? new Date();
  const types = fieldTypeMap(ctx.flow.config.fields);
  const ruleOptions = ruleOptionsFor(ctx.flow.config.fields, types);
  const w = workingLead({ data }, now, types);
  if (!ctx.flow.enabled) finish(w, "error", "Flow is disabled", "flow");
  else {
    const steps = ctx.flow.config.steps.filter((s) => s.type !== "recipient");
    await runFlow(ctx, [w], { store: options.checks, deliver: noDelivery, ruleOptions, now }, steps);
  }
  const pingLimits = ctx.flow.config.pingLimits ?? [];
  if (w.outcome === null && w.price > 0 && pingLimits.length > 0) {
    const checks = [{ scope: `ping:${ctx.flow.id}`, caps: pingLimits }];
    const taken = await reserveCaps({ store: options.limits, checks, lead: w.lead, at: now, timeZone: ctx.timeZone, ruleOptions });
    if (taken === null) finish(w, "failure", PING_LIMIT_REACHED, "ping limits");
  }
  const outcome = w.outcome ?? "success";
  return { outcome, reason: w.reason, price: outcome === "success" ? w.price : 0 };
}
