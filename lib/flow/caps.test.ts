import { describe, expect, it } from "vitest";
import { capKey } from "./caps";
import { createMemoryFlowStore } from "./memory-flow-store";
import { recordDeliveries, run, testContext } from "./testing";

const cap = (id: string, limit: number, extra: Record<string, unknown> = {}) => ({ id, limit, period: "day", ...extra });
const isCA = { op: "and", rules: [{ lhv: "state", op: "is equal to", rhv: "CA" }] };
const outcomes = (results: Array<{ outcome: string; reason: string | null }>) => results.map((r) => [r.outcome, r.reason]);

describe("volume caps", () => {
  it("fail the lead after a flow cap is full with reason Cap reached", async () => {
    const { results } = await run(testContext({ caps: [cap("c", 2)] }), [{ a: "1" }, { a: "2" }, { a: "3" }]);
    expect(outcomes(results)).toEqual([["success", null], ["success", null], ["failure", "Cap reached"]]);
    expect(results[2]!.events.at(-1)).toMatchObject({ step: "volume caps", outcome: "failure" });
  });

  it("apply a source cap to that source only", async () => {
    const store = createMemoryFlowStore();
    const capped = testContext({}, { source: { caps: [cap("s", 1)] }, sourceId: "1".repeat(24) });
    const free = testContext({}, { sourceId: "2".repeat(24) });
    const first = await run(capped, [{ a: "1" }, { a: "2" }], { store });
    const other = await run(free, [{ a: "3" }], { store });
    expect(outcomes(first.results)).toEqual([["success", null], ["failure", "Cap reached"]]);
    expect(other.results[0]!.outcome).toBe("success");
  });

  it("check flow caps before source caps and take no unit of the others when one is full", async () => {
    const ctx = testContext({ caps: [cap("flow", 1)] }, { source: { caps: [cap("src", 5)] } });
    const { store } = await run(ctx, [{ a: "1" }, { a: "2" }, { a: "3" }]);
    expect([...store.capCounts.entries()].map(([key, n]) => [key.split(":")[0], n])).toEqual([["flow", 1], ["source", 1]]);
  });

  it("count only leads that match the cap's rules", async () => {
    const { results } = await run(testContext({ caps: [cap("ca", 1, { ruleSet: isCA })] }), [{ state: "CA" }, { state: "TX" }, { state: "CA" }]);
    expect(results.map((r) => r.outcome)).toEqual(["success", "success", "failure"]);
  });

  it("count only successes: a lead that fails later gives its unit back", async () => {
    const ctx = testContext({ caps: [cap("c", 1)], steps: [{ id: "f", type: "filter", ruleSet: isCA, reason: "No CA" }] });
    const { results, store } = await run(ctx, [{ state: "CA" }, { state: "TX" }, { state: "TX" }]);
    expect(outcomes(results)).toEqual([["failure", "No CA"], ["success", null], ["failure", "Cap reached"]]);
    expect([...store.capCounts.values()]).toEqual([1]);
  });

  it("skip a step whose step cap is full and go on with the next", async () => {
    const deliver = recordDeliveries();
    const ctx = testContext({
      steps: [
        { id: "r1", type: "recipient", name: "Buyer A", url: "http://127.0.0.1:9/a", caps: [cap("a", 1)] },
        { id: "r2", type: "recipient", name: "Buyer B", url: "http://127.0.0.1:9/b" },
      ],
    });
    const { results } = await run(ctx, [{ a: "1" }, { a: "2" }], { deliver });
    expect(results.map((r) => r.outcome)).toEqual(["success", "success"]);
    expect(results[1]!.events[1]).toMatchObject({ step: "1. Buyer A", outcome: "skip", reason: "Cap reached" });
    expect(deliver.calls.map((c) => c.step.name)).toEqual(["Buyer A", "Buyer B", "Buyer B"]);
  });

  it("give a step cap's unit back when the recipient does not accept the lead", async () => {
    const deliver = recordDeliveries((payload) => (payload.a === "1" ? { outcome: "failure", reason: "Not buying" } : { outcome: "success", reason: null }));
    const ctx = testContext({ steps: [{ id: "r", type: "recipient", url: "http://127.0.0.1:9/", caps: [cap("r", 1)] }] });
    const { results } = await run(ctx, [{ a: "1" }, { a: "2" }], { deliver });
    expect(outcomes(results)).toEqual([["failure", "Not buying"], ["success", null]]);
  });

  it("measure periods in the account's time zone", async () => {
    const store = createMemoryFlowStore();
    const ctx = testContext({ caps: [cap("c", 1)] }, { timeZone: "America/Chicago" });
    // 23:30 and 00:30 in Chicago are different days, though the same UTC day.
    const late = await run(ctx, [{ a: "1" }], { store, now: new Date("2025-03-04T05:30:00Z") });
    const nextDay = await run(ctx, [{ a: "2" }], { store, now: new Date("2025-03-04T06:30:00Z") });
    const sameDay = await run(ctx, [{ a: "3" }], { store, now: new Date("2025-03-04T23:00:00Z") });
    expect([late, nextDay, sameDay].map((r) => r.results[0]!.outcome)).toEqual(["success", "success", "failure"]);
  });

  it("start a new counter when a cap's rules change, not when its limit does", () => {
    const base = { id: "c", limit: 1, period: "day" as const, ruleSet: { op: "and" as const, rules: [] } };
    expect(capKey("flow:x", { ...base, limit: 9 })).toBe(capKey("flow:x", base));
    expect(capKey("flow:x", { ...base, ruleSet: { op: "or", rules: [] } })).not.toBe(capKey("flow:x", base));
  });
});
