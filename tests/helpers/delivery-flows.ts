// Accounts, flows and sources for the delivery tests, written straight to the database (the
// save-time address check is tested on its own): a flow of email and first name, a dedupe on
// email, then a recipient step named "recv" posting to the given URL.
import type { Database } from "@/db/client";
import { accounts, flows, sources } from "@/db/schema";
import { findStandardField } from "@/lib/flow/catalog";
import { flowConfigSchema, type FieldDef } from "@/lib/flow/model";
import type { SubmitLeadResult } from "@/lib/intake/submit-lead";
import { newId } from "@/lib/ids";

export const RECIPIENT_STEP = "recv";

export function deliveryFlowConfig(url: string, options: { flowCap?: boolean } = {}) {
  return flowConfigSchema.parse({
    fields: ["email", "first_name"].map((id) => findStandardField(id) as FieldDef),
    // A cap makes the real-time API save the lead in a transaction (not the one-statement path).
    caps: options.flowCap ? [{ id: "cap", limit: 1_000_000, period: "day" }] : [],
    steps: [
      { id: "dedupe", type: "dedupe", fields: ["email"], windowDays: null },
      { id: RECIPIENT_STEP, type: "recipient", name: "Buyer", url, format: "json", mappings: [{ field: "email", param: "email" }] },
    ],
  });
}

export async function seedDeliveryTarget(database: Database, url: string, options: { flowCap?: boolean } = {}) {
  const accountId = newId();
  const flowId = newId();
  const sourceId = newId();
  await database.db.insert(accounts).values({ id: accountId, name: "Delivery test" });
  await database.db.insert(flows).values({ id: flowId, accountId, name: "Delivery flow", config: deliveryFlowConfig(url, options) });
  await database.db.insert(sources).values({
    id: sourceId, accountId, flowId, name: "Delivery source", config: { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] },
    apiKeyHash: newId(), docsTokenNonce: newId(), docsTokenHash: newId(),
  });
  return { accountId, flowId, sourceId };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real-time lead's id, outcome and reason from submitLead's 201 answer. */
export function outcomeOf(r: SubmitLeadResult) {
  if (r.status !== 201) throw new Error(`status ${r.status}`);
  return { id: r.body.lead.id, outcome: r.body.outcome, reason: (r.body as { reason?: string }).reason ?? null };
}
