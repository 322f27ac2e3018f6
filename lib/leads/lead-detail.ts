import "server-only";
import { getFlowForAccount } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { fieldsToShow } from "./lead-fields";
import { getLeadForAccount, listLeadEvents } from "./queries";

// One lead of this account as its page shows it: the stored data (masked fields stay masked, as
// stored), each field by its label in the flow's field order then any extra field, and the step
// timeline (each step, its outcome, reason and when it ran); the fields capped and cut to what a page
// can show (lead-fields.ts). Null for another account's id.
export async function getLeadDetail(accountId: string, leadId: string) {
  if (!isId(leadId)) return null;
  const found = await getLeadForAccount(accountId, leadId);
  if (!found) return null;
  const { raw, normalized, ...lead } = found;
  const [events, flow] = await Promise.all([listLeadEvents(lead.id), getFlowForAccount(accountId, lead.flowId)]);
  const flowFields = flow?.config.fields.map((f) => ({ id: f.id, label: f.label })) ?? [];
  const shown = fieldsToShow({ raw: (raw ?? {}) as Record<string, unknown>, normalized: (normalized ?? {}) as Record<string, object>, flowFields });
  return { lead, fields: shown.fields, totalFields: shown.total, hiddenFields: shown.hidden, events };
}

// The whole lead, every field uncut, for the page's "Download as JSON": what was submitted and what it
// normalized to, as stored (masked fields stay masked). Null for another account's id.
export async function getLeadJson(accountId: string, leadId: string) {
  if (!isId(leadId)) return null;
  const lead = await getLeadForAccount(accountId, leadId);
  if (!lead) return null;
  return {
    id: lead.id,
    submitted_at: lead.submittedAt.toISOString(),
    flow: { id: lead.flowId, name: lead.flowName },
    source: { id: lead.sourceId, name: lead.sourceName },
    import: lead.importId ? { id: lead.importId, file_name: lead.importFileName, line: lead.importLine } : null,
    outcome: lead.outcome,
    reason: lead.reason,
    price: lead.price,
    is_test: lead.isTest,
    is_batch_lead: lead.isBatchLead,
    submitted: lead.raw ?? {},
    normalized: lead.normalized ?? {},
  };
}
