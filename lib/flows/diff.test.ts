import { describe, expect, it } from "vitest";
import type { FlowConfig } from "@/lib/flow/model";
import { diffFlows } from "./diff";

const empty = { op: "and" as const, rules: [] };
const config = (patch: Partial<FlowConfig> = {}): FlowConfig => ({
  fields: [{ id: "email", label: "Email", type: "email", custom: false }],
  acceptance: [{ id: "required-email", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, reason: "Email is required" }],
  pricing: { mode: "rules", rules: [] },
  caps: [],
  steps: [
    { id: "a", type: "dedupe", name: "Duplicate check", criteria: empty, caps: [], fields: ["email"], windowDays: 30 },
    { id: "b", type: "filter", name: "No tests", criteria: empty, caps: [], ruleSet: { op: "and", rules: [{ lhv: "is_test", op: "is true" }] }, outcome: "failure", reason: "Test" },
  ],
  ...patch,
});
const texts = (before: FlowConfig, after: FlowConfig, names = ["Flow", "Flow"]) =>
  diffFlows({ name: names[0]!, config: before }, { name: names[1]!, config: after }).map((c) => `${c.kind}: ${c.text}`);

describe("diffFlows", () => {
  it("finds nothing between identical versions", () => {
    expect(texts(config(), config())).toEqual([]);
  });

  it("names added and removed fields, and a rename", () => {
    const after = config({ fields: [{ id: "phone_1", label: "Phone 1", type: "phone", custom: false }] });
    expect(texts(config(), after, ["Old", "New"])).toEqual([
      'changed: Renamed from "Old" to "New"',
      "removed: Removed field Email (email)",
      "added: Added field Phone 1 (phone_1) (label Phone 1; type phone)",
    ]);
  });

  it("says how a criterion's conditions changed, in plain English", () => {
    const after = config();
    after.acceptance[0]!.ruleSet.rules.push({ lhv: "email", op: "does not include", rhv: ["spam"] });
    expect(texts(config(), after)).toEqual([
      'changed: Changed criterion "Email is required": conditions "Email is not blank" → "All of: Email is not blank; Email does not include spam"',
    ]);
  });

  it("reports a step edit by its settings and a reorder once", () => {
    const before = config();
    const after = config();
    after.steps = [after.steps[1]!, { ...(after.steps[0] as Extract<FlowConfig["steps"][number], { type: "dedupe" }>), windowDays: null }];
    expect(texts(before, after)).toEqual([
      'changed: Changed dedupe step "Duplicate check": window "30 days" → "all history"',
      "changed: Reordered steps: Duplicate check, No tests → No tests, Duplicate check",
    ]);
  });

  it("compares price rules by position and the pricing mode", () => {
    const before = config({ pricing: { mode: "rules", rules: [{ ruleSet: empty, price: 15 }] } });
    const after = config({ pricing: { mode: "source", rules: [{ ruleSet: empty, price: 20 }, { ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, price: 30 }] } });
    expect(texts(before, after)).toEqual([
      "changed: Pricing now uses the price the source sends instead of price rules",
      "changed: Price rule 1: $15 for every lead → $20 for every lead",
      "added: Added price rule 2: $30 for Email is not blank",
    ]);
  });

  it("names caps by their limit", () => {
    const after = config({ caps: [{ id: "c", limit: 100, period: "day", ruleSet: empty }] });
    expect(texts(config(), after)).toEqual(["added: Added cap of 100 per day (limit 100 per day; counts every lead)"]);
  });

  it("lists ping limits apart from caps, and a flow saved before them as having none", () => {
    const after = config({ pingLimits: [{ id: "p", limit: 5, period: "hour", ruleSet: empty }] });
    expect(texts(config(), after)).toEqual(["added: Added ping limit of 5 per hour (limit 5 per hour; counts every ping)"]);
    expect(texts(after, config({ pingLimits: [] }))).toEqual(["removed: Removed ping limit of 5 per hour"]);
  });
});
