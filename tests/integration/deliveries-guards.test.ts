// Deliveries from the real-time API, and what bounds all deliveries: a recipient URL at an internal
// address is refused when the flow is saved and again when a lead is sent (unless
// RECIPIENT_ALLOW_PRIVATE), and a slow buyer holds only its own deliveries, never the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { queryOf } from "@/lib/imports/stage/staged-rows";
import { getFlowForAccount } from "@/lib/flows/queries";
import { createFlow, saveFlow } from "@/lib/flows/save-flow";
import { submitLead } from "@/lib/intake/submit-lead";
import { createAccount } from "../helpers/accounts";
import { startBuyer, type Buyer } from "../helpers/buyer";
import { deliveryFlowConfig, RECIPIENT_STEP, seedDeliveryTarget } from "../helpers/delivery-flows";

let slow: Buyer;
let fast: Buyer;
beforeAll(async () => {
  slow = await startBuyer();
  fast = await startBuyer();
});
afterAll(async () => {
  await slow.close();
  await fast.close();
});

const allowing = process.env.RECIPIENT_ALLOW_PRIVATE;
afterEach(() => {
  process.env.RECIPIENT_ALLOW_PRIVATE = allowing;
});

const attemptsOf = async (leadId: string) =>
  (await queryOf(getDatabase())<{ idempotency_key: string; status: string; outcome: string; response_status: number }>(
    "select idempotency_key, status, outcome, response_status from delivery_attempts where lead_id = $1",
    [leadId],
  )).rows;

describe("the real-time API's deliveries", () => {
  it.each([
    ["in a transaction (the flow has caps)", { flowCap: true }],
    ["with the one-statement save", { flowCap: false }],
  ])("are recorded and carry the lead's Idempotency-Key, %s", async (_, options) => {
    const target = await seedDeliveryTarget(getDatabase(), fast.url, options);
    const email = `rt-${options.flowCap}@buyer-test.com`;
    const result = await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email } });
    expect(result.status).toBe(201);
    const leadId = result.status === 201 ? result.body.lead.id : "";
    expect(result.status === 201 && result.body.outcome).toBe("success");
    const key = `${leadId}-${RECIPIENT_STEP}`;
    expect(fast.received.filter((r) => r.body.email === email)).toEqual([{ key, body: { email } }]);
    expect(await attemptsOf(leadId)).toEqual([{ idempotency_key: key, status: "answered", outcome: "success", response_status: 200 }]);
  });

  it("costs a flow without a recipient step nothing in delivery_attempts", async () => {
    const target = await seedDeliveryTarget(getDatabase(), fast.url);
    await queryOf(getDatabase())("update flows set config = jsonb_set(config, '{steps}', '[]'::jsonb) where id = $1", [target.flowId]);
    const before = (await queryOf(getDatabase())<{ n: number }>("select count(*)::int as n from delivery_attempts")).rows[0]!.n;
    expect((await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email: "none@buyer-test.com" } })).status).toBe(201);
    expect((await queryOf(getDatabase())<{ n: number }>("select count(*)::int as n from delivery_attempts")).rows[0]!.n).toBe(before);
  });
});

describe("a recipient URL at an internal address", () => {
  it("is refused when the flow is saved, beside the URL field", async () => {
    process.env.RECIPIENT_ALLOW_PRIVATE = "false";
    const mine = await createAccount({ email: "deliveries-guards@example.com", password: "guards-password" });
    const actor = { id: "holder", email: "deliveries-guards@example.com" };
    const flowId = await createFlow({ accountId: mine.accountId, actor, name: "Guarded", starter: "contact" });
    const config = { ...deliveryFlowConfig("http://localhost:8080/leads"), fields: (await getFlowForAccount(mine.accountId, flowId))!.config.fields };
    const saved = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Guarded", config });
    expect(saved).toEqual({ status: "invalid", fieldErrors: { "steps.1.url": expect.stringMatching(/^localhost is an internal address \((127\.0\.0\.1|::1)\)/) } });
    process.env.RECIPIENT_ALLOW_PRIVATE = "true";
    expect(await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Guarded", config })).toEqual({ status: "ok", version: 2 });
  });

  it("is refused again when a lead is sent (a host that resolves to 127.0.0.1), and nothing reaches it", async () => {
    const target = await seedDeliveryTarget(getDatabase(), fast.url.replace("127.0.0.1", "localhost"));
    const count = fast.received.length;
    process.env.RECIPIENT_ALLOW_PRIVATE = "false";
    const result = await submitLead({ flowId: target.flowId, sourceId: target.sourceId, data: { email: "internal@buyer-test.com" } });
    expect(result).toMatchObject({ status: 201, body: { outcome: "error", reason: "Recipient URL points to an internal address" } });
    expect(fast.received.length).toBe(count);
  });
});

describe("a slow buyer", () => {
  it("holds at most the per-host bound of deliveries, while another buyer's leads go through and the database stays free", async () => {
    const slowTarget = await seedDeliveryTarget(getDatabase(), slow.url, { flowCap: true });
    const fastTarget = await seedDeliveryTarget(getDatabase(), fast.url, { flowCap: true });
    slow.hold();
    const slowLeads = Array.from({ length: 8 }, (_, i) =>
      submitLead({ flowId: slowTarget.flowId, sourceId: slowTarget.sourceId, data: { email: `slow-${i}@buyer-test.com` } }),
    );
    await slow.heldAtLeast(6); // RECIPIENT_MAX_CONCURRENCY_PER_HOST's default
    const fastLeads = await Promise.all(
      Array.from({ length: 5 }, (_, i) => submitLead({ flowId: fastTarget.flowId, sourceId: fastTarget.sourceId, data: { email: `fast-${i}@buyer-test.com` } })),
    );
    expect(fastLeads.map((r) => r.status === 201 && r.body.outcome)).toEqual(Array(5).fill("success"));
    expect(slow.inFlight()).toBe(6);
    slow.release();
    // The two that waited for a place are sent once places free up, and answered at once.
    const done = await Promise.all(slowLeads);
    expect(done.map((r) => r.status === 201 && r.body.outcome)).toEqual(Array(8).fill("success"));
    expect(slow.maxInFlight()).toBe(6);
  });
});
