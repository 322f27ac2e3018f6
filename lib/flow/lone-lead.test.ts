// The real-time path's shape: one lead, a flow whose only dedupe step is its last and no caps. The
// store is then reached with one call, so the API can run it as one statement without a transaction.
import { describe, expect, it } from "vitest";
import type { FlowStore } from "./flow-store";
import { createMemoryFlowStore, type MemoryFlowStore } from "./memory-flow-store";
import { savesLeadInOneStatement } from "./process-leads";
import { run, testContext } from "./testing";

const requireEmail = { id: "req", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, reason: "Email is required" };
const notNY = { op: "and", rules: [{ lhv: "state", op: "is not equal to", rhv: "NY" }] };
const dedupe = (extra: Record<string, unknown> = {}) => ({ id: "dd", type: "dedupe", name: "Duplicate check", fields: ["email"], ...extra });
const filter = { id: "f", type: "filter", ruleSet: { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "CA" }] }, reason: "No CA" };
const cap = { id: "c", limit: 10, period: "day" };

// Counts every call processLeads makes to the store.
function countingStore(): { store: MemoryFlowStore; calls: string[] } {
  const store = createMemoryFlowStore();
  const calls: string[] = [];
  const counted = { ...store };
  for (const name of ["claimDedupeKeys", "releaseDedupeKeys", "reserveCap", "releaseCap", "saveLeads", "saveLeadClaiming"] as const) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    (counted as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(name);
      return method(...args);
    };
  }
  return { store: counted as MemoryFlowStore & FlowStore, calls };
}

describe("a lone lead whose last step is the flow's only dedupe step", () => {
  const ctx = testContext({ pricing: { rules: [{ ruleSet: { op: "and", rules: [] }, price: 15 }] }, acceptance: [requireEmail], steps: [filter, dedupe({ criteria: notNY })] });

  it("claims its key in the call that saves it", async () => {
    const { store, calls } = countingStore();
    const { results } = await run(ctx, [{ email: "a@b.co", state: "TX" }], { store });
    expect(calls).toEqual(["saveLeadClaiming"]);
    expect(results[0]).toMatchObject({ outcome: "success", reason: null, price: 15 });
    expect(results[0]!.events.map((e) => [e.step, e.outcome])).toEqual([["acceptance criteria", "success"], ["1. filter", "success"], ["2. Duplicate check", "success"]]);
    expect(store.leads).toEqual(results);
  });

  it("is saved as the duplicate the dedupe step makes when its key is taken", async () => {
    const { store, calls } = countingStore();
    await run(ctx, [{ email: "a@b.co", state: "TX" }], { store });
    const { results } = await run(ctx, [{ email: "A@B.CO", state: "TX" }], { store });
    expect(calls).toEqual(["saveLeadClaiming", "saveLeadClaiming"]);
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "duplicate", price: 0 });
    expect(results[0]!.events.at(-1)).toMatchObject({ position: 2, step: "2. Duplicate check", outcome: "failure", reason: "duplicate" });
    expect(store.leads.map((l) => l.id)).toEqual([store.leads[0]!.id, results[0]!.id]);
    expect(store.claims.size).toBe(1);
  });

  it("is saved without a claim when it stops earlier, skips the step or has nothing to compare", async () => {
    const { store, calls } = countingStore();
    const { results } = await run(ctx, [{ state: "TX" }], { store });
    const filtered = await run(ctx, [{ email: "c@d.co", state: "CA" }], { store });
    const skipped = await run(ctx, [{ email: "c@d.co", state: "NY" }], { store });
    const blank = await run(testContext({ steps: [dedupe()] }), [{ first_name: "Ann" }], { store });
    expect([results[0]!.reason, filtered.results[0]!.reason, skipped.results[0]!.events.at(-1)!.outcome]).toEqual(["Email is required", "No CA", "skip"]);
    expect(blank.results[0]).toMatchObject({ outcome: "success" });
    expect(calls).toEqual(["saveLeads", "saveLeads", "saveLeads", "saveLeads"]);
    expect(store.claims.size).toBe(0);
  });
});

describe("savesLeadInOneStatement", () => {
  const oneStatement = (flow: Record<string, unknown>, source: Record<string, unknown> = {}) => {
    const ctx = testContext(flow, { source });
    return savesLeadInOneStatement(ctx.flow.config, ctx.source.config);
  };

  it("holds for flows without caps whose only dedupe step, if any, is the last", () => {
    expect(oneStatement({})).toBe(true);
    expect(oneStatement({ steps: [filter] })).toBe(true);
    expect(oneStatement({ steps: [filter, dedupe()] })).toBe(true);
  });

  it("does not hold when a claim or cap unit could have to be given back", () => {
    expect(oneStatement({ steps: [dedupe(), filter] })).toBe(false);
    expect(oneStatement({ steps: [dedupe(), dedupe({ id: "d2" })] })).toBe(false);
    expect(oneStatement({ caps: [cap], steps: [dedupe()] })).toBe(false);
    expect(oneStatement({ steps: [filter] }, { caps: [cap] })).toBe(false);
    expect(oneStatement({ steps: [{ ...filter, caps: [cap] }] })).toBe(false);
  });

  it("matches what processLeads does: one store call for a lone lead", async () => {
    for (const flow of [{ caps: [cap], steps: [dedupe()] }, { steps: [dedupe(), filter] }]) {
      const { store, calls } = countingStore();
      await run(testContext(flow), [{ email: "a@b.co", state: "TX" }], { store });
      expect(calls.length).toBeGreaterThan(1);
    }
  });
});
