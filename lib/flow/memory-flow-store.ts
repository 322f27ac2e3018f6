// An in-memory FlowStore with the same semantics as the database one (lead-store.ts), so the flow
// module's unit tests exercise processLeads without a database.
import type { CapReservation, DedupeClaim, FlowStore, ProcessedLead } from "./flow-store";

export type MemoryFlowStore = FlowStore & {
  leads: ProcessedLead[];
  claims: Map<string, { leadId: string; claimedAt: Date }>;
  capCounts: Map<string, number>;
};

const claimKey = (c: DedupeClaim) => `${c.flowId}|${c.stepId}|${c.keyHash}`;
const capCountKey = (r: CapReservation) => `${r.capKey}|${r.periodStart.toISOString()}`;

export function createMemoryFlowStore(): MemoryFlowStore {
  const claims = new Map<string, { leadId: string; claimedAt: Date }>();
  const capCounts = new Map<string, number>();
  const leads: ProcessedLead[] = [];
  const take = (c: DedupeClaim) => {
    const held = claims.get(claimKey(c));
    const free = !held || (c.windowStart !== null && held.claimedAt < c.windowStart);
    if (free) claims.set(claimKey(c), { leadId: c.leadId, claimedAt: c.claimedAt });
    return free;
  };
  return {
    leads,
    claims,
    capCounts,
    async claimDedupeKeys(batch) {
      return batch.map(take);
    },
    async releaseDedupeKeys(batch) {
      for (const c of batch) if (claims.get(claimKey(c))?.leadId === c.leadId) claims.delete(claimKey(c));
    },
    async reserveCap(r) {
      const count = capCounts.get(capCountKey(r)) ?? 0;
      if (count >= r.limit) return false;
      capCounts.set(capCountKey(r), count + 1);
      return true;
    },
    async releaseCap(r) {
      const count = capCounts.get(capCountKey(r)) ?? 0;
      if (count > 0) capCounts.set(capCountKey(r), count - 1);
    },
    async saveLeads(batch) {
      leads.push(...batch);
    },
    async saveLeadClaiming(claim, granted, refused) {
      const won = take(claim);
      leads.push(won ? granted : refused);
      return won;
    },
  };
}
