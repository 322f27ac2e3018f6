import { describe, expect, it } from "vitest";
import { createMemoryFlowStore } from "../memory-flow-store";
import { recordDeliveries, run, testContext } from "../testing";

const DAY = 86_400_000;
const none = { op: "and", rules: [] };
const isCA = { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "CA" }] };
const notTest = { op: "and", rules: [{ lhv: "is_test", op: "is false" }] };
const dedupe = (extra: Record<string, unknown> = {}) => ({ id: "dd", type: "dedupe", name: "Duplicate check", fields: ["email", "phone_1"], ...extra });

describe("filter step", () => {
  it("stops a matching lead with the chosen outcome and reason, and lets others continue", async () => {
    const ctx = testContext({
      steps: [
        { id: "f1", type: "filter", ruleSet: isCA, outcome: "failure", reason: "No California leads" },
        { id: "f2", type: "filter", ruleSet: { op: "and", rules: [{ lhv: "email", op: "includes", rhv: "spam" }] }, outcome: "error", reason: "Spam" },
      ],
    });
    const { results } = await run(ctx, [{ state: "CA" }, { state: "TX", email: "spam@x.co" }, { state: "TX" }]);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["failure", "No California leads"],
      ["error", "Spam"],
      ["success", null],
    ]);
    expect(results[0]!.events.at(-1)).toMatchObject({ step: "1. filter", outcome: "failure", reason: "No California leads" });
    expect(results[2]!.events.map((e) => e.outcome)).toEqual(["success", "success", "success"]);
  });

  it("can stop a lead with the outcome success", async () => {
    const deliver = recordDeliveries();
    const ctx = testContext({
      steps: [
        { id: "f", type: "filter", ruleSet: none, outcome: "success", reason: "Accepted early" },
        { id: "r", type: "recipient", url: "http://127.0.0.1:9/" },
      ],
    });
    const { results } = await run(ctx, [{ a: "1" }], { deliver });
    expect(results[0]).toMatchObject({ outcome: "success", reason: "Accepted early" });
    expect(deliver.calls).toHaveLength(0);
  });
});

describe("step criteria", () => {
  it("skip a step for a lead that does not meet them", async () => {
    const ctx = testContext({ steps: [{ id: "f", type: "filter", name: "CA only", criteria: isCA, ruleSet: none, reason: "Stopped" }] });
    const { results } = await run(ctx, [{ state: "TX" }, { state: "CA" }]);
    expect(results[0]).toMatchObject({ outcome: "success" });
    expect(results[0]!.events.at(-1)).toMatchObject({ step: "1. CA only", outcome: "skip", reason: "Step criteria not met" });
    expect(results[1]).toMatchObject({ outcome: "failure", reason: "Stopped" });
  });

  it("let test leads skip a dedupe step", async () => {
    const ctx = testContext({ steps: [dedupe({ criteria: notTest })] });
    const { results } = await run(ctx, [{ email: "a@b.co", is_test: "true" }, { email: "a@b.co", is_test: "true" }]);
    expect(results.map((r) => r.outcome)).toEqual(["success", "success"]);
    expect(results.map((r) => r.events.at(-1)!.outcome)).toEqual(["skip", "skip"]);
  });
});

describe("dedupe step", () => {
  it("fails a lead with the same fields as an earlier successful lead with reason duplicate", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ steps: [dedupe()] });
    const first = await run(ctx, [{ email: "a@b.co", phone_1: "512-789-1111" }], { store });
    const again = await run(ctx, [{ email: "A@B.CO ", phone_1: "(512) 789 1111" }], { store });
    const other = await run(ctx, [{ email: "a@b.co", phone_1: "512-789-2222" }], { store });
    expect(first.results[0]!.outcome).toBe("success");
    expect(again.results[0]).toMatchObject({ outcome: "failure", reason: "duplicate" });
    expect(again.results[0]!.events.at(-1)).toMatchObject({ step: "1. Duplicate check", outcome: "failure", reason: "duplicate" });
    expect(other.results[0]!.outcome).toBe("success");
  });

  it("compares with leads of the same flow from any source, not other flows", async () => {
    const store = createMemoryFlowStore();
    const lead = { email: "a@b.co" };
    await run(testContext({ steps: [dedupe()] }, { sourceId: "1".repeat(24) }), [lead], { store });
    const otherSource = await run(testContext({ steps: [dedupe()] }, { sourceId: "2".repeat(24) }), [lead], { store });
    const otherFlow = await run(testContext({ steps: [dedupe()] }, { flowId: "e".repeat(24) }), [lead], { store });
    expect(otherSource.results[0]!.reason).toBe("duplicate");
    expect(otherFlow.results[0]!.outcome).toBe("success");
  });

  it("lets a lead through once the earlier one is outside the window", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ steps: [dedupe({ windowDays: 30 })] });
    const start = new Date("2025-01-01T12:00:00Z");
    await run(ctx, [{ email: "a@b.co" }], { store, now: start });
    const within = await run(ctx, [{ email: "a@b.co" }], { store, now: new Date(start.getTime() + 29 * DAY) });
    const after = await run(ctx, [{ email: "a@b.co" }], { store, now: new Date(start.getTime() + 31 * DAY) });
    const afterAgain = await run(ctx, [{ email: "a@b.co" }], { store, now: new Date(start.getTime() + 32 * DAY) });
    expect([within, after, afterAgain].map((r) => r.results[0]!.outcome)).toEqual(["failure", "success", "failure"]);
  });

  it("compares with all history when there is no window", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ steps: [dedupe({ windowDays: null })] });
    await run(ctx, [{ email: "a@b.co" }], { store, now: new Date("2015-01-01T00:00:00Z") });
    const { results } = await run(ctx, [{ email: "a@b.co" }], { store, now: new Date("2025-01-01T00:00:00Z") });
    expect(results[0]!.reason).toBe("duplicate");
  });

  it("never calls a lead with every compared field blank a duplicate", async () => {
    const ctx = testContext({ steps: [dedupe()] });
    const { results, store } = await run(ctx, [{ first_name: "A" }, { first_name: "A", email: " " }]);
    expect(results.map((r) => r.outcome)).toEqual(["success", "success"]);
    expect(store.claims.size).toBe(0);
  });

  it("does not count an earlier lead that failed", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ steps: [dedupe(), { id: "f", type: "filter", ruleSet: isCA, reason: "No CA" }] });
    const failed = await run(ctx, [{ email: "a@b.co", state: "CA" }], { store });
    const { results } = await run(ctx, [{ email: "a@b.co", state: "TX" }], { store });
    expect(failed.results[0]!.reason).toBe("No CA");
    expect(results[0]!.outcome).toBe("success");
  });

  it("inside one batch, treats a repeat as a duplicate of the earlier lead only if that one succeeded", async () => {
    const ctx = testContext({ steps: [dedupe(), { id: "f", type: "filter", ruleSet: isCA, reason: "No CA" }] });
    const { results } = await run(ctx, [
      { email: "a@b.co", state: "CA" },
      { email: "a@b.co", state: "TX" },
      { email: "a@b.co", state: "TX" },
      { email: "c@d.co", state: "TX" },
    ]);
    expect(results.map((r) => r.reason)).toEqual(["No CA", null, "duplicate", null]);
  });

  it("claims a key once per lead that succeeds", async () => {
    const { store } = await run(testContext({ steps: [dedupe()] }), [{ email: "a@b.co" }, { email: "b@b.co" }, { email: "a@b.co" }]);
    expect(store.claims.size).toBe(2);
  });
});
