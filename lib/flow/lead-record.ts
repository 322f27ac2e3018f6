// A lead on its way through the flow, and its stored form: masked data, outcome, events, and the
// search keys the Leads view uses.
import type { CapReservation, DedupeClaim, LeadEvent, ProcessedLead } from "./flow-store";
import type { NormalizedLead, Outcome, StepOutcome } from "./model";
import { leadSearchKeys } from "@/lib/leads/search-keys";
import { maskLead, normalizeLead, type FieldTypeMap } from "./normalize";
import type { FlowContext, LeadInput } from "./flow-context";

export type WorkingLead = {
  id: string;
  input: LeadInput;
  submittedAt: Date;
  lead: NormalizedLead;
  events: LeadEvent[];
  outcome: Outcome | null;
  reason: string | null;
  price: number;
  caps: CapReservation[];
  claims: DedupeClaim[];
};

export const alive = (leads: WorkingLead[]) => leads.filter((w) => w.outcome === null);

export function event(w: WorkingLead, step: string, outcome: StepOutcome, reason: string | null, started: number): LeadEvent {
  return { position: w.events.length, step, outcome, reason, durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
}

// Ends a lead's way through the flow at this step.
export function finish(w: WorkingLead, outcome: Outcome, reason: string | null, step: string, started = performance.now()) {
  w.outcome = outcome;
  w.reason = reason;
  w.events.push(event(w, step, outcome, reason, started));
}

const text = (lead: NormalizedLead, id: string): string | null => {
  const v = lead[id];
  if (!v) return null;
  const s = String(v.normal ?? v.raw ?? "").trim().toLowerCase();
  return s === "" ? null : s;
};

export function buildLeadRecord(ctx: FlowContext, w: WorkingLead, types: FieldTypeMap): ProcessedLead {
  const { raw, normalized } = maskLead(types, w.lead);
  const correction = w.input.correction;
  const name = [text(w.lead, "first_name"), text(w.lead, "last_name")].filter(Boolean).join(" ");
  const phone = w.lead.phone_1?.valid ? String(w.lead.phone_1.normal).replace(/x.*$/, "") : text(w.lead, "phone_1");
  const email = text(w.lead, "email");
  const reference = text(w.lead, "reference");
  return {
    id: w.id,
    accountId: ctx.accountId,
    flowId: ctx.flow.id,
    sourceId: ctx.source.id,
    importId: w.input.importId ?? null,
    importLine: w.input.importLine ?? null,
    submittedAt: w.submittedAt,
    raw: correction ? maskLead(types, normalizeLead(types, correction.fileData)).raw : raw,
    normalized,
    outcome: w.outcome ?? "error",
    reason: w.reason,
    price: w.price,
    isBatchLead: w.input.isBatchLead ?? false,
    isTest: w.lead.is_test?.normal === true,
    email,
    phone,
    name: name === "" ? null : name,
    reference,
    searchKeys: leadSearchKeys({ email, phone, reference, firstName: text(w.lead, "first_name"), lastName: text(w.lead, "last_name") }),
    events: correction ? withCorrection(correction.note, w.events) : w.events,
  };
}

/** A corrected import row's timeline: the correction first, then the flow's steps. */
function withCorrection(note: string, events: LeadEvent[]): LeadEvent[] {
  const first: LeadEvent = { position: 0, step: "correction", outcome: "success", reason: note, durationMs: 0 };
  return [first, ...events.map((e) => ({ ...e, position: e.position + 1 }))];
}
