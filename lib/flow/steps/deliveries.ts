// Deliveries that happen exactly once although the batch that makes them may be retried.
// No transaction is held across a request to a buyer. A batch (an import's, or a real-time lead that
// needs a transaction) runs in a transaction whose deliverer sends nothing: it answers from the
// answers known so far and notes every delivery it has no answer for. If it noted any, the
// transaction is rolled back; then, outside it, those deliveries are recorded (delivery_attempts),
// sent, and their answers recorded; and the batch runs again, from the start, with those answers.
// It commits once every delivery it reaches has an answer, leads saved with the final outcomes.
// A flow with several recipient steps runs at most once more per step.
//
// A retried batch (the process died after sending, before committing) finds the recorded answers
// and sends nothing again; a delivery recorded without an answer is sent again with the same
// Idempotency-Key, so the buyer can tell it is the same lead.
//
// Before anything is sent, each lead to deliver commits its dedupe claims and cap units as held
// (holds.ts): a concurrent lead meets them and fails as duplicate or cap reached without being sent,
// and the run that commits takes them over. A lead whose holds another lead took first is not sent.
// Should a hold be lost anyway (it went stale: the deliveries took longer than HOLD_MINUTES), the
// delivered lead may be saved as a duplicate; its delivery stays in delivery_attempts and is logged.
import type { Database } from "@/db/client";
import { runStatement, withTransaction, type SqlTransaction } from "@/db/transaction";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import type { Deliver, DeliveryRef, DeliveryResult } from "../flow-store";
import type { FlowConfig, RecipientStep } from "../model";
import type { LeadInput } from "../flow-context";
import { recordAnswer, recordAttempts, type Query } from "./delivery-ledger";
import { releaseHolds, releaseStaleHolds, takeHolds } from "./holds";

type DeliveryRequest = { step: RecipientStep; payload: Record<string, string>; ref: DeliveryRef };
type Answers = Map<string, DeliveryResult>;

export class DeliveriesNeeded extends Error {
  constructor(readonly requests: DeliveryRequest[]) {
    super(`${requests.length} deliveries to send before the batch can commit`);
  }
}

export type DeliveryPlan = {
  /** Answers known deliveries; notes the others and answers them "pending" (the lead stops there, keeping its claims). */
  deliver: Deliver;
  /** Throws DeliveriesNeeded (rolling the transaction back) when any delivery had no answer. */
  complete(): void;
};

const PENDING: DeliveryResult = { outcome: "success", reason: null, pending: true };

export const hasRecipientStep = (config: FlowConfig) => config.steps.some((s) => s.type === "recipient");

export function planDeliveries(answers: Answers, used = new Set<string>()): DeliveryPlan {
  const needed: DeliveryRequest[] = [];
  return {
    async deliver(step, payload, ref) {
      if (!ref) throw new Error("a planned delivery needs its key");
      const known = answers.get(ref.key);
      if (known) {
        used.add(ref.key);
        return known;
      }
      needed.push({ step, payload, ref });
      return PENDING;
    },
    complete() {
      if (needed.length > 0) throw new DeliveriesNeeded(needed);
    },
  };
}

/** Records the deliveries, sends those without an answer yet (all at once: `send` bounds each host), records each answer. */
export async function sendRecorded(query: Query, requests: DeliveryRequest[], send: Deliver, answers: Answers): Promise<void> {
  const known = await recordAttempts(query, requests.map((r) => r.ref));
  const done = await Promise.allSettled(
    requests.map(async ({ step, payload, ref }) => {
      let answer = known.get(ref.key);
      if (!answer) {
        answer = await send(step, payload, ref);
        await recordAnswer(query, ref.key, answer);
      }
      answers.set(ref.key, answer);
    }),
  );
  // Every delivery has ended (answered or failed) before a failure ends the batch: none outlives it.
  const failed = done.find((d) => d.status === "rejected");
  if (failed) throw failed.reason;
}

/** A deliverer for a caller that holds no transaction (the real-time API's one-statement save): record, send, record the answer. */
export function recordedDeliver(database: Database, send: Deliver): Deliver {
  return async (step, payload, ref) => {
    if (!ref) return send(step, payload);
    const answers: Answers = new Map();
    await sendRecorded(queryOn(database), [{ step, payload, ref }], send, answers);
    return answers.get(ref.key)!;
  };
}

/** Runs `batch` in a transaction until every delivery it reaches is answered (see the top of this file), then commits. */
export async function withDeliveries<T>(database: Database, send: Deliver, batch: (tx: SqlTransaction, plan: DeliveryPlan) => Promise<T>): Promise<T> {
  const answers: Answers = new Map();
  const holders = new Set<string>();
  await releaseStaleHolds(queryOn(database));
  for (;;) {
    const used = new Set<string>();
    const plan = planDeliveries(answers, used);
    try {
      const result = await withTransaction(database, async (tx) => {
        const value = await batch(tx, plan);
        plan.complete();
        await releaseHolds(tx.query, [...holders]);
        return value;
      });
      const unused = [...answers.keys()].filter((key) => !used.has(key));
      if (unused.length > 0) logger.warn({ keys: unused.slice(0, 20), count: unused.length }, "leads delivered, then not saved as delivered: a concurrent lead changed their outcome first");
      return result;
    } catch (error) {
      if (!(error instanceof DeliveriesNeeded)) throw error;
      // Leads whose holds were refused are not sent: the next run finds them duplicate or capped.
      const sendable = await takeHolds(database, error.requests);
      for (const r of sendable) if (r.ref.holds) holders.add(r.ref.holds.holder);
      await sendRecorded(queryOn(database), sendable, send, answers);
    }
  }
}

const queryOn = (database: Database): Query => (text, params, options) => runStatement(database, text, params, options);

/**
 * The real-time API's transaction for one lead: plain when its flow has no recipient step (no
 * delivery_attempts work at all), else run by withDeliveries with the lead's id chosen first, so it
 * keeps the id, and its deliveries their keys, on each run.
 */
export function withLeadDeliveries<T>(
  database: Database,
  lead: { config: FlowConfig; input: LeadInput; send: Deliver },
  fn: (tx: SqlTransaction, input: LeadInput, deliver: Deliver) => Promise<T>,
): Promise<T> {
  if (!hasRecipientStep(lead.config)) return withTransaction(database, (tx) => fn(tx, lead.input, lead.send));
  const input = { ...lead.input, id: lead.input.id ?? newId() };
  return withDeliveries(database, lead.send, (tx, plan) => fn(tx, input, plan.deliver));
}

/** The deliverer for the real-time API's one-statement save (no transaction): recorded when the flow has a recipient step. */
export function deliverOutsideTransaction(database: Database, config: FlowConfig, send: Deliver): Deliver {
  return hasRecipientStep(config) ? recordedDeliver(database, send) : send;
}
