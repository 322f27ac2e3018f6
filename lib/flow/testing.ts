// Test helpers for the flow module: a flow context from partial configs (zod fills the defaults),
// a recorded deliverer, and one call that processes leads against an in-memory store.
import type { Deliver, DeliveryResult } from "./flow-store";
import { createMemoryFlowStore, type MemoryFlowStore } from "./memory-flow-store";
import { flowConfigSchema, sourceConfigSchema, type RecipientStep } from "./model";
import { processLeads } from "./process-leads";
import type { FlowContext, LeadInput } from "./flow-context";

export function testContext(
  flow: Record<string, unknown> = {},
  options: { source?: Record<string, unknown>; enabled?: boolean; timeZone?: string; flowId?: string; sourceId?: string } = {},
): FlowContext {
  return {
    accountId: "a".repeat(24),
    timeZone: options.timeZone ?? "America/Chicago",
    flow: { id: options.flowId ?? "f".repeat(24), enabled: options.enabled ?? true, config: flowConfigSchema.parse(flow) },
    source: { id: options.sourceId ?? "5".repeat(24), config: sourceConfigSchema.parse(options.source ?? {}) },
  };
}

export type RecordedDeliver = Deliver & { calls: Array<{ step: RecipientStep; payload: Record<string, string> }> };

export function recordDeliveries(reply: DeliveryResult | ((payload: Record<string, string>) => DeliveryResult) = { outcome: "success", reason: null }): RecordedDeliver {
  const calls: RecordedDeliver["calls"] = [];
  const deliver = (async (step, payload) => {
    calls.push({ step, payload });
    return typeof reply === "function" ? reply(payload) : reply;
  }) as RecordedDeliver;
  deliver.calls = calls;
  return deliver;
}

export async function run(
  ctx: FlowContext,
  inputs: Array<LeadInput | Record<string, string>>,
  options: { store?: MemoryFlowStore; deliver?: Deliver; now?: Date } = {},
) {
  const store = options.store ?? createMemoryFlowStore();
  const leads = inputs.map((i) => ("data" in i && typeof i.data === "object" ? (i as LeadInput) : { data: i as Record<string, string> }));
  const now = options.now;
  const results = await processLeads(ctx, leads, { store, deliver: options.deliver ?? recordDeliveries(), now: now ? () => now : undefined });
  return { results, store };
}
