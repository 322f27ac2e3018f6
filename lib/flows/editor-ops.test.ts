import { describe, expect, it } from "vitest";
import { requiredFieldIds } from "@/lib/flow/acceptance";
import type { Criterion, FieldDef } from "@/lib/flow/model";
import { fieldIdFromLabel, moveItem, newCap, newStep, ruleFieldsOf, setFieldRequired } from "./editor-ops";
import { validateFlowConfig } from "./validate-config";

const email: FieldDef = { id: "email", label: "Email", type: "email", custom: false };
const phone: FieldDef = { id: "phone_1", label: "Phone 1", type: "phone", custom: false };

describe("the required toggle", () => {
  it("adds one criterion with the field's label as its reason, once", () => {
    const once = setFieldRequired([], email, true);
    expect(once).toEqual([{ id: "required-email", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, reason: "Email is required" }]);
    expect(setFieldRequired(once, email, true)).toBe(once);
  });

  it("turns off a field made required by a hand-written criterion too, keeping the criterion's other rules", () => {
    const handWritten: Criterion = {
      id: "contact",
      ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }, { lhv: "phone_1", op: "is not blank" }] },
      reason: "Contact details are required",
    };
    const after = setFieldRequired([handWritten, ...setFieldRequired([], email, true)], email, false);
    expect(requiredFieldIds(after)).toEqual(["phone_1"]);
    expect(after).toEqual([{ ...handWritten, ruleSet: { op: "and", rules: [{ lhv: "phone_1", op: "is not blank" }] } }]);
  });

  it("leaves an 'any of' criterion alone: it does not make either field required", () => {
    const either: Criterion = { id: "either", ruleSet: { op: "or", rules: [{ lhv: "email", op: "is not blank" }, { lhv: "phone_1", op: "is not blank" }] }, reason: "Email or phone" };
    expect(setFieldRequired([either], phone, false)).toEqual([either]);
  });
});

describe("editor helpers", () => {
  it("derives a field id from a label", () => {
    expect(fieldIdFromLabel("Loan Amount (USD)")).toBe("loan_amount_usd");
    expect(fieldIdFromLabel("2nd phone")).toBe("field_2nd_phone");
    expect(fieldIdFromLabel("  ")).toBe("");
  });

  it("moves items within bounds only", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });

  it("starts a dedupe step on email when the flow has it", () => {
    const step = newStep("dedupe", [phone, email]);
    expect(step).toMatchObject({ type: "dedupe", fields: ["email"], windowDays: null });
  });

  it("offers is_test to rules even when the flow does not list it", () => {
    const isTest: FieldDef = { id: "is_test", label: "Is Test", type: "boolean", custom: false };
    expect(ruleFieldsOf([email], [isTest]).map((f) => f.id)).toEqual(["email", "is_test"]);
    expect(ruleFieldsOf([email, isTest], [isTest])).toHaveLength(2);
  });
});

describe("new caps and ping limits", () => {
  it("start at 100 a day counting everything, with ids that name what they are", () => {
    const ping = newCap("ping-limit");
    expect(ping).toMatchObject({ limit: 100, period: "day", ruleSet: { op: "and", rules: [] } });
    expect(ping.id).toMatch(/^ping-limit-[a-z0-9]+$/);
    expect(newCap("cap").id).toMatch(/^cap-/);
  });

  it("make a config the server accepts as the flow's pingLimits", () => {
    const checked = validateFlowConfig({ fields: [], pingLimits: [newCap("ping-limit"), newCap("ping-limit")] });
    expect(checked.ok && checked.config.pingLimits).toHaveLength(2);
  });
});
