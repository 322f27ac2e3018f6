import { describe, expect, it } from "vitest";
import { checkOnlyStore, type CheckReads } from "./check-store";
import { createMemoryFlowStore, type MemoryFlowStore } from "./memory-flow-store";
import { pingLead } from "./ping-lead";
import { recordDeliveries, run, testContext } from "./testing";

const everyLead = { op: "and", rules: [] };
const flow = {
  pricing: { mode: "rules", rules: [{ ruleSet: everyLead, price: 12 }] },
  steps: [
    { id: "d", type: "dedupe", fields: ["email"] },
    { id: "r", type: "recipient", url: "https://buyer.example.com/" },
  ],
};

// The memory store's state read the way lead-store.ts's createCheckReads reads the database.
function memoryReads(store: MemoryFlowStore): CheckReads {
  return {
    async heldDedupeKeys(claims) {
      return claims.map((c) => {
        const held = store.claims.get(`${c.flowId}|${c.stepId}|${c.keyHash}`);
        return held !== undefined && (c.windowStart === null || held.claimedAt >= c.windowStart);
      });
    },
    async capCount(r) {
      return store.capCounts.get(`${r.capKey}|${r.periodStart.toISOString()}`) ?? 0;
    },
  };
}

const pingWith = (store: MemoryFlowStore, ctx = testContext(flow), data: Record<string, string> = { email: "a@b.co" }) =>
  pingLead(ctx, data, { checks: checkOnlyStore(memoryReads(store)), limits: store });

describe("pingLead", () => {
  it("prices the lead and claims, saves and delivers nothing", async () => {
    const store = createMemoryFlowStore();
    expect(await pingWith(store)).toEqual({ outcome: "success", reason: null, price: 12 });
    expect(store.claims.size).toBe(0);
    expect(store.leads).toEqual([]);
  });

  it("sees a key a lead holds as a duplicate", async () => {
    const store = createMemoryFlowStore();
    await run(testContext(flow), [{ email: "a@b.co" }], { store, deliver: recordDeliveries() });
    expect(await pingWith(store)).toEqual({ outcome: "failure", reason: "duplicate", price: 0 });
    expect(await pingWith(store, testContext(flow), { email: "other@b.co" })).toMatchObject({ outcome: "success" });
  });

  it("checks a full cap without counting the ping", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ ...flow, caps: [{ id: "c", limit: 1, period: "day" }] });
    expect(await pingWith(store, ctx)).toMatchObject({ outcome: "success" });
    expect([...store.capCounts.values()]).toEqual([]);
    await run(ctx, [{ email: "x@b.co" }], { store, deliver: recordDeliveries() });
    expect(await pingWith(store, ctx)).toEqual({ outcome: "failure", reason: "Cap reached", price: 0 });
  });

  it("takes a ping-limit unit only for a bid", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ ...flow, pingLimits: [{ id: "p", limit: 1, period: "hour" }] });
    expect(await pingWith(store, ctx, { first_name: "no email" })).toMatchObject({ outcome: "success", price: 12 });
    expect(await pingWith(store, ctx)).toEqual({ outcome: "failure", reason: "Ping limit reached", price: 0 });
    const unpriced = testContext({ steps: [], pingLimits: [{ id: "p", limit: 0, period: "hour" }] });
    expect(await pingWith(store, unpriced)).toEqual({ outcome: "success", reason: null, price: 0 });
  });

  it("answers error for a disabled flow", async () => {
    expect(await pingWith(createMemoryFlowStore(), testContext(flow, { enabled: false }))).toEqual({ outcome: "error", reason: "Flow is disabled", price: 0 });
  });
});
