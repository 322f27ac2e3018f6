// What processLeads needs from the outside world. The database implementation is
// lib/flow/lead-store.ts; unit tests use an in-memory one.
import type { NormalizedValue, Outcome, RecipientStep, StepOutcome } from "./model";

// claimedAt is when the lead was processed; a holder claimed before windowStart no longer counts.
// `holder` names the lead across runs of its batch (holderOf in steps/run-step.ts): a claim or cap
// unit it holds while it is delivered (steps/holds.ts) is its own when the lead is saved.
export type DedupeClaim = {
  flowId: string;
  stepId: string;
  keyHash: string;
  leadId: string;
  claimedAt: Date;
  windowStart: Date | null;
  holder?: string;
};
export type CapReservation = { capKey: string; periodStart: Date; limit: number; holder?: string };
/** What a lead about to be delivered holds (steps/holds.ts): its dedupe claims and cap units, taken in flow order. */
export type LeadHolds = { holder: string; claims: DedupeClaim[]; caps: CapReservation[] };

export type LeadEvent = { position: number; step: string; outcome: StepOutcome; reason: string | null; durationMs: number };

export type ProcessedLead = {
  id: string;
  accountId: string;
  flowId: string;
  sourceId: string;
  importId: string | null;
  importLine: number | null;
  submittedAt: Date;
  raw: Record<string, string>;
  normalized: Record<string, NormalizedValue>;
  outcome: Outcome;
  reason: string | null;
  price: number;
  isBatchLead: boolean;
  isTest: boolean;
  email: string | null;
  phone: string | null;
  name: string | null;
  reference: string | null;
  /** What the Leads view's search finds the lead by (lib/leads/search-keys.ts); none when left out. */
  searchKeys?: string[];
  events: LeadEvent[];
};

export interface FlowStore {
  // Claims keys atomically; true where the key was free (or its holder outside the window).
  // Keys within one call are distinct and share one step (processLeads splits a batch into waves).
  claimDedupeKeys(claims: DedupeClaim[]): Promise<boolean[]>;
  releaseDedupeKeys(claims: DedupeClaim[]): Promise<void>;
  // Takes one unit of a cap for this period; false when the cap is full.
  reserveCap(reservation: CapReservation): Promise<boolean>;
  releaseCap(reservation: CapReservation): Promise<void>;
  saveLeads(leads: ProcessedLead[]): Promise<void>;
  // One lead whose outcome hangs only on one dedupe claim (see processLeads): claims the key and
  // saves `granted` if it was free, else `refused`, in one atomic statement; true when granted.
  saveLeadClaiming(claim: DedupeClaim, granted: ProcessedLead, refused: ProcessedLead): Promise<boolean>;
}

/** A recipient's answer; the HTTP status and the start of the reply when one came (for the delivery ledger). */
export type DeliveryResult = {
  outcome: Outcome;
  reason: string | null;
  responseStatus?: number | null;
  responseBody?: string | null;
  /** No answer yet (a planning run, lib/flow/steps/deliveries.ts, that is rolled back): see runRecipient. */
  pending?: true;
};
/**
 * Which delivery this is: `key` is sent as the Idempotency-Key header and names the delivery's row
 * in delivery_attempts (lib/flow/steps/deliveries.ts says how it is made).
 */
export type DeliveryRef = {
  key: string;
  leadId: string;
  stepId: string;
  importId: string | null;
  importLine: number | null;
  /** The claims and cap units to hold, committed, before the delivery is sent (steps/holds.ts). */
  holds?: LeadHolds;
};
export type Deliver = (step: RecipientStep, payload: Record<string, string>, ref?: DeliveryRef) => Promise<DeliveryResult>;
