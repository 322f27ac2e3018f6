// Volume caps: a lead takes one unit of every cap whose rules it matches, or none if any is full.
// Only successful leads keep their units; processLeads gives the others back.
import { sha256 } from "@/lib/crypto";
import { periodStart } from "./caps-period";
import type { CapReservation, FlowStore } from "./flow-store";
import type { Cap, NormalizedLead } from "./model";
import { matchesRuleSet, type RuleOptions } from "./rules";

// Editing a cap's rules resets its counter (a new key); changing only the limit does not.
export function capKey(scope: string, cap: Cap): string {
  return `${scope}:${cap.id}:${sha256(JSON.stringify(cap.ruleSet)).slice(0, 16)}`;
}

export type CapCheck = { scope: string; caps: readonly Cap[] };

export async function reserveCaps(options: {
  store: FlowStore;
  checks: CapCheck[];
  lead: NormalizedLead;
  at: Date;
  timeZone: string;
  ruleOptions: RuleOptions;
  /** The lead's holder (see DedupeClaim): a unit it holds already is taken over, not counted again. */
  holder?: string;
}): Promise<CapReservation[] | null> {
  const taken: CapReservation[] = [];
  for (const { scope, caps } of options.checks) {
    for (const cap of caps) {
      if (!matchesRuleSet(cap.ruleSet, options.lead, options.ruleOptions)) continue;
      const reservation: CapReservation = { capKey: capKey(scope, cap), periodStart: periodStart(cap.period, options.at, options.timeZone), limit: cap.limit };
      if (options.holder !== undefined) reservation.holder = options.holder;
      if (!(await options.store.reserveCap(reservation))) {
        for (const r of taken) await options.store.releaseCap(r);
        return null;
      }
      taken.push(reservation);
    }
  }
  return taken;
}
