import { describe, expect, it } from "vitest";
import { run, testContext } from "../testing";
import { DeliveriesNeeded, planDeliveries } from "./deliveries";

const flow = testContext({
  steps: [
    { id: "dd", type: "dedupe", fields: ["email"] },
    { id: "buyer", type: "recipient", url: "https://buyer.example.com/leads", mappings: [{ field: "email", param: "email" }] },
    { id: "buyer2", type: "recipient", url: "https://other.example.com/leads" },
  ],
});

describe("a delivery plan", () => {
  it("notes each delivery it has no answer for, with its key, and sends nothing", async () => {
    const plan = planDeliveries(new Map());
    await run(flow, [{ data: { email: "a@b.co" }, importId: "imp", importLine: 2 }, { data: { email: "c@d.co" }, importId: "imp", importLine: 3 }], { deliver: plan.deliver });
    let needed: DeliveriesNeeded | null = null;
    try {
      plan.complete();
    } catch (error) {
      needed = error as DeliveriesNeeded;
    }
    // Only the first recipient's: the second waits for the first one's answer.
    expect(needed?.requests.map((r) => [r.ref.key, r.payload])).toEqual([
      ["imp-2-buyer", { email: "a@b.co" }],
      ["imp-3-buyer", { email: "c@d.co" }],
    ]);
  });

  it("lets a lead waiting for its delivery keep its dedupe claim, so a later one with its key is the duplicate", async () => {
    const plan = planDeliveries(new Map());
    const { results } = await run(flow, [{ email: "a@b.co" }, { email: "a@b.co" }], { deliver: plan.deliver });
    expect(results[1]).toMatchObject({ outcome: "failure", reason: "duplicate" });
    expect(() => plan.complete()).toThrow(DeliveriesNeeded);
  });

  it("answers from the answers it was given, and completes once every delivery has one", async () => {
    const ctx = testContext({ steps: [{ id: "buyer", type: "recipient", url: "https://buyer.example.com/leads" }] });
    const answers = new Map([["imp-2-buyer", { outcome: "failure" as const, reason: "Out of area" }]]);
    const plan = planDeliveries(answers);
    const { results } = await run(ctx, [{ data: { email: "a@b.co" }, importId: "imp", importLine: 2 }], { deliver: plan.deliver });
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "Out of area" });
    expect(() => plan.complete()).not.toThrow();
  });

  it("keys a real-time lead's delivery by its id and the step", async () => {
    const ctx = testContext({ steps: [{ id: "buyer", type: "recipient", url: "https://buyer.example.com/leads" }] });
    const plan = planDeliveries(new Map());
    await run(ctx, [{ data: { email: "a@b.co" }, id: "0123456789abcdef01234567" }], { deliver: plan.deliver });
    expect(() => plan.complete()).toThrow(expect.objectContaining({ requests: [expect.objectContaining({ ref: expect.objectContaining({ key: "0123456789abcdef01234567-buyer" }) })] }));
  });
});
