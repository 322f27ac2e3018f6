import { describe, expect, it } from "vitest";
import { demoFlowConfig } from "@/db/demo-flow";
import type { FlowContext } from "@/lib/flow/flow-context";
import { checkRow, leadData, planFor, routeOf } from "./row-check";
import type { Mapping } from "../settings";

const ctx = (sourceAcceptance: FlowContext["source"]["config"]["acceptance"] = []): FlowContext => ({
  accountId: "a",
  timeZone: "UTC",
  flow: { id: "flow1", enabled: true, config: demoFlowConfig },
  source: { id: "source1", config: { acceptance: sourceAcceptance, pricing: { mode: "rules", rules: [] }, caps: [] } },
});

const mapping: Mapping = [
  { column: 0, fieldId: "email" },
  { column: 1, fieldId: "phone_1" },
  { column: 2, fieldId: "state" },
  { column: 3, fieldId: null },
  { column: 4, fieldId: "__flow_id" },
];

describe("leadData", () => {
  it("takes mapped cells exactly as given and leaves out empty ones and routing columns", () => {
    expect(leadData(mapping, [" A@B.co", "", "tx", "ignored", "flow1"])).toEqual({ email: " A@B.co", state: "tx" });
  });

  it("reads the flow and source a row names", () => {
    expect(routeOf(mapping, ["", "", "", "", "f9"])).toEqual({ flowId: "f9", sourceId: "" });
  });
});

describe("checkRow", () => {
  it("passes a row the demo flow accepts and gives it a dedupe key by email and phone", () => {
    const result = checkRow(planFor(ctx()), { email: "a@b.co", phone_1: "5125550100", state: "TX" });
    expect(result.problems).toEqual([]);
    expect(result.key).toMatch(/^flow1:[0-9a-f]{32}$/);
  });

  it("gives the same key to the same person written differently", () => {
    const plan = planFor(ctx());
    const one = checkRow(plan, { email: "A@B.co", phone_1: "(512) 555-0100", state: "TX" });
    const two = checkRow(plan, { email: "a@b.co", phone_1: "512-555-0100", state: "tx" });
    expect(one.key).toBe(two.key);
  });

  it("reports every failing criterion with its fields, values and reason", () => {
    const result = checkRow(planFor(ctx()), { state: "XX" });
    expect(result.problems).toEqual([
      { field: "email, phone_1", value: "", reason: "Email or phone is required" },
      { field: "state", value: "XX", reason: "State must be a valid US state or Canadian province" },
    ]);
    expect(result.key).toBeNull();
  });

  it("checks the source's criteria after the flow's", () => {
    const plan = planFor(
      ctx([{ id: "zip", ruleSet: { op: "and", rules: [{ lhv: "postal_code", op: "is not blank" }] }, reason: "Zip is required" }]),
    );
    expect(checkRow(plan, { email: "a@b.co", state: "TX" }).problems).toEqual([{ field: "postal_code", value: "", reason: "Zip is required" }]);
  });
});
