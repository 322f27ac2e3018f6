// "Test this flow": one test lead (is_test) through the real submit path, then its step-by-step
// events, so the account holder sees where and why it stopped.
import { requiredFieldIds } from "@/lib/flow/acceptance";
import { FIELD_EXAMPLES } from "@/lib/intake/field-examples";
import { submitLead } from "@/lib/intake/submit-lead";
import { sampleValues } from "@/lib/sources/example-request";
import { listSourcesByFlow } from "@/lib/sources/queries";
import { getFlowForAccount, listLeadEventsForAccount } from "./queries";

// What the test form offers: the flow's sources, and its fields with sample values; null when not theirs.
export async function getTestFlowForm(accountId: string, flowId: string) {
  const flow = await getFlowForAccount(accountId, flowId);
  if (!flow) return null;
  const sources = await listSourcesByFlow(accountId, flowId);
  const required = new Set(requiredFieldIds(flow.config.acceptance));
  const samples = sampleValues(flow.config.fields.map((f) => ({ id: f.id, examples: FIELD_EXAMPLES[f.type] })));
  return {
    sources: sources.map(({ id, name, enabled }) => ({ id, name, enabled })),
    fields: flow.config.fields.map((f) => ({ id: f.id, label: f.label, required: required.has(f.id), sample: samples[f.id] ?? "" })),
  };
}

export type TestFlowResult =
  | {
      status: "ok";
      leadId: string;
      outcome: string;
      reason: string | null;
      price: number;
      events: Array<{ step: string; outcome: string; reason: string | null }>;
    }
  | { status: "refused"; message: string };

export async function testFlow(input: { accountId: string; flowId: string; sourceId: string; values: Record<string, string> }): Promise<TestFlowResult> {
  const result = await submitLead({ flowId: input.flowId, sourceId: input.sourceId, accountId: input.accountId, data: input.values, isTest: true });
  if (result.status !== 201) return { status: "refused", message: result.body.message };
  const { lead, outcome, reason = null, price } = result.body;
  const events = await listLeadEventsForAccount(input.accountId, lead.id);
  return { status: "ok", leadId: lead.id, outcome, reason, price, events: events.map(({ step, outcome, reason }) => ({ step, outcome, reason })) };
}
