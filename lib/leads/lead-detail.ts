import "server-only";
import { getFlowForAccount } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { getLeadForAccount, listLeadEvents } from "./queries";

type StoredValue = { raw?: unknown; normal?: unknown; valid?: unknown };

// One lead of this account as its page shows it: the stored data (masked fields stay masked, as
// stored), each field's label from the flow, and the step timeline. Null for another account's id.
export async function getLeadDetail(accountId: string, leadId: string) {
  if (!isId(leadId)) return null;
  const lead = await getLeadForAccount(accountId, leadId);
  if (!lead) return null;
  const [events, flow] = await Promise.all([listLeadEvents(lead.id), getFlowForAccount(accountId, lead.flowId)]);
  const labels = new Map(flow?.config.fields.map((f) => [f.id, f.label]) ?? []);
  const raw = (lead.raw ?? {}) as Record<string, string>;
  const normalized = (lead.normalized ?? {}) as Record<string, StoredValue>;
  const fields = Object.keys({ ...raw, ...normalized }).map((id) => {
    const value = normalized[id];
    return {
      id,
      label: labels.get(id) ?? id,
      submitted: raw[id] ?? (typeof value?.raw === "string" ? value.raw : ""),
      normal: value?.normal === null || value?.normal === undefined ? "" : String(value.normal),
      valid: value?.valid === true,
    };
  });
  return { lead, fields, events };
}
