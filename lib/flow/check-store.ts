// A FlowStore for checks only (a ping, lib/flow/ping-lead.ts): processLeads' dedupe and cap stages
// run against it unchanged, but it claims no key, takes no cap unit and saves nothing. A dedupe
// "claim" is granted when the key is free now; a cap "unit" when the cap has room now.
import type { CapReservation, DedupeClaim, FlowStore } from "./flow-store";

/** What a check needs to read: which keys are held (within each claim's window) and a cap's count. */
export type CheckReads = {
  heldDedupeKeys(claims: DedupeClaim[]): Promise<boolean[]>;
  capCount(reservation: CapReservation): Promise<number>;
};

export function checkOnlyStore(reads: CheckReads): FlowStore {
  return {
    async claimDedupeKeys(claims) {
      return (await reads.heldDedupeKeys(claims)).map((held) => !held);
    },
    async releaseDedupeKeys() {},
    async reserveCap(reservation) {
      return reservation.limit > 0 && (await reads.capCount(reservation)) < reservation.limit;
    },
    async releaseCap() {},
    async saveLeads() {},
    async saveLeadClaiming() {
      throw new Error("A check-only store saves no lead");
    },
  };
}
