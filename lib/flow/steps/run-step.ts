// Runs one flow step for every still-open lead of a batch. Step criteria that fail skip the step;
// a full step cap skips it too.
import { reserveCaps } from "../caps";
import type { DedupeClaim, Deliver, DeliveryRef, FlowStore, ProcessedLead } from "../flow-store";
import { event, finish, type WorkingLead } from "../lead-record";
import type { DedupeStep, FilterStep, RecipientStep, Step } from "../model";
import type { FlowContext } from "../flow-context";
import { matchesRuleSet, type RuleOptions } from "../rules";
import { dedupeKey, windowStart } from "./dedupe";
import { recipientPayload } from "./recipient";

type StepRun<S extends Step = Step> = {
  ctx: FlowContext;
  step: S;
  position: number;
  leads: WorkingLead[];
  store: FlowStore;
  deliver: Deliver;
  ruleOptions: RuleOptions;
  now: Date;
};

const DUPLICATE = "duplicate";

const stepLabel = (run: StepRun) => `${run.position}. ${run.step.name || run.step.type}`;

// Step criteria that fail skip the step: true (and the skip recorded) when they do.
function skipsStep(run: StepRun, w: WorkingLead, label: string, started: number): boolean {
  if (matchesRuleSet(run.step.criteria, w.lead, run.ruleOptions)) return false;
  w.events.push(event(w, label, "skip", "Step criteria not met", started));
  return true;
}

export async function runStep(run: StepRun): Promise<void> {
  const label = stepLabel(run);
  const active: WorkingLead[] = [];
  for (const w of run.leads) {
    const started = performance.now();
    if (skipsStep(run, w, label, started)) continue;
    if (run.step.caps.length > 0) {
      const checks = [{ scope: `step:${run.ctx.flow.id}:${run.step.id}`, caps: run.step.caps }];
      const taken = await reserveCaps({
        store: run.store, checks, lead: w.lead, at: w.submittedAt, timeZone: run.ctx.timeZone, ruleOptions: run.ruleOptions, holder: holderOf(w),
      });
      if (taken === null) {
        w.events.push(event(w, label, "skip", "Cap reached", started));
        continue;
      }
      w.caps.push(...taken);
    }
    active.push(w);
  }
  if (active.length === 0) return;
  const step = run.step;
  if (step.type === "filter") runFilter({ ...run, step, leads: active }, label);
  else if (step.type === "dedupe") await runDedupe({ ...run, step, leads: active }, label);
  else await runRecipient({ ...run, step, leads: active }, label);
}

function runFilter(run: StepRun<FilterStep>, label: string) {
  for (const w of run.leads) {
    const started = performance.now();
    if (matchesRuleSet(run.step.ruleSet, w.lead, run.ruleOptions)) finish(w, run.step.outcome, run.step.reason, label, started);
    else w.events.push(event(w, label, "success", null, started));
  }
}

// Claims every lead's key in one call. planWaves keeps leads with the same key in different waves;
// should two still meet here, the later one is a duplicate of the earlier, as if it came after it.
async function runDedupe(run: StepRun<DedupeStep>, label: string) {
  const started = performance.now();
  const since = windowStart(run.step.windowDays, run.now);
  const firstByKey = new Map<string, DedupeClaim>();
  const claimOf = new Map<WorkingLead, DedupeClaim | "repeat" | null>();
  for (const w of run.leads) {
    const keyHash = dedupeKey(run.step.fields, w.lead);
    if (keyHash === null) claimOf.set(w, null);
    else if (firstByKey.has(keyHash)) claimOf.set(w, "repeat");
    else {
      const claim = { flowId: run.ctx.flow.id, stepId: run.step.id, keyHash, leadId: w.id, claimedAt: run.now, windowStart: since, holder: holderOf(w) };
      firstByKey.set(keyHash, claim);
      claimOf.set(w, claim);
    }
  }
  const claims = [...firstByKey.values()];
  const granted = claims.length > 0 ? await run.store.claimDedupeKeys(claims) : [];
  const won = new Set(claims.filter((_, i) => granted[i]));
  for (const w of run.leads) {
    const claim = claimOf.get(w) ?? null;
    if (claim === "repeat" || (claim !== null && !won.has(claim))) {
      finish(w, "failure", DUPLICATE, label, started);
      continue;
    }
    if (claim) w.claims.push(claim);
    w.events.push(event(w, label, "success", null, started));
  }
}

// A lone lead's dedupe step when it is the flow's last (processLeads' one-statement path): the lead
// passes it here, and the claim is returned for the save to make; a refused claim turns the lead into
// the duplicate runDedupe would have made (see asDuplicate). Null when there is nothing to claim.
export function dedupeClaimForSave(run: StepRun<DedupeStep>): DedupeClaim | null {
  const [w] = run.leads;
  const label = stepLabel(run);
  const started = performance.now();
  if (!w || skipsStep(run, w, label, started)) return null;
  const keyHash = dedupeKey(run.step.fields, w.lead);
  w.events.push(event(w, label, "success", null, started));
  if (keyHash === null) return null;
  return { flowId: run.ctx.flow.id, stepId: run.step.id, keyHash, leadId: w.id, claimedAt: run.now, windowStart: windowStart(run.step.windowDays, run.now) };
}

// A lead saved by dedupeClaimForSave's path whose claim was refused: what runDedupe and settle make
// of a duplicate, failed by the dedupe step (its last event) and priced 0.
export function asDuplicate(lead: ProcessedLead): ProcessedLead {
  const last = lead.events.length - 1;
  const events = lead.events.map((e, i) => (i === last ? { ...e, outcome: "failure" as const, reason: DUPLICATE } : e));
  return { ...lead, outcome: "failure", reason: DUPLICATE, price: 0, events };
}

// Every lead's delivery starts at once: the deliverer bounds how many reach one host (host-gate.ts),
// or, inside a transaction, only looks answers up and notes the rest (deliveries.ts), sending nothing.
async function runRecipient(run: StepRun<RecipientStep>, label: string) {
  await Promise.all(
    run.leads.map(async (w) => {
      const started = performance.now();
      // What the lead holds goes with the delivery: it is committed as held before the request is sent.
      const holds = { holder: holderOf(w), claims: [...w.claims], caps: [...w.caps] };
      const result = await run.deliver(run.step, recipientPayload(run.step, w.lead), { ...deliveryRef(w, run.step), holds });
      // Not sent yet: the lead stops here as if the buyer took it, so it keeps its dedupe claims and
      // cap units, and later leads of the batch meet them as they will once it is delivered.
      if (result.pending) finish(w, "success", null, label, started);
      else if (result.outcome === "success") w.events.push(event(w, label, "success", result.reason, started));
      else finish(w, result.outcome, result.reason ?? `Recipient answered ${result.outcome}`, label, started);
    }),
  );
}

/**
 * Who holds a lead's claims and cap units while it is delivered (steps/holds.ts): the same across
 * runs of its batch, and for an import's row across a retry after a crash (its lead id is not).
 */
export function holderOf(w: WorkingLead): string {
  const importId = w.input.importId ?? null;
  const importLine = w.input.importLine ?? null;
  return importId !== null && importLine !== null ? `${importId}-${importLine}` : w.id;
}

/**
 * The delivery's Idempotency-Key. An import's row keeps its key when its batch is retried after a
 * crash, although its lead then gets a new id (lib/ids.ts makes ids from the clock): so an import's
 * key is made of the import id, the line and the step; a real-time lead's of its id and the step.
 */
export function deliveryRef(w: WorkingLead, step: RecipientStep): DeliveryRef {
  const importId = w.input.importId ?? null;
  const importLine = w.input.importLine ?? null;
  return { key: `${holderOf(w)}-${step.id}`, leadId: w.id, stepId: step.id, importId, importLine };
}
