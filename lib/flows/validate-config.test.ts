import { describe, expect, it } from "vitest";
import type { FlowConfig } from "@/lib/flow/model";
import { validateFlowConfig, validateSourceConfig } from "./validate-config";

const base = (): FlowConfig => ({
  fields: [
    { id: "email", label: "Email", type: "email", custom: false },
    { id: "loan_amount", label: "Loan Amount", type: "number", custom: true },
  ],
  acceptance: [{ id: "required-email", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] }, reason: "Email is required" }],
  pricing: { mode: "rules", rules: [] },
  caps: [],
  steps: [{ id: "dedupe-1", type: "dedupe", name: "Duplicate check", criteria: { op: "and", rules: [] }, caps: [], fields: ["email"], windowDays: null }],
});

function errorsOf(config: unknown) {
  const result = validateFlowConfig(config);
  return result.ok ? {} : result.fieldErrors;
}

describe("validateFlowConfig", () => {
  it("accepts a well-formed flow and fills in defaults", () => {
    const result = validateFlowConfig({ fields: [{ id: "email", label: "Email", type: "email" }] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.fields[0]!.custom).toBe(false);
  });

  it("reports an invalid pattern beside the rule's value, in words", () => {
    const config = base();
    config.acceptance[0]!.ruleSet.rules.push({ lhv: "email", op: "matches pattern", rhv: "([a-z" });
    expect(errorsOf(config)).toEqual({ "acceptance.0.ruleSet.rules.1.rhv": expect.stringMatching(/^Not a valid pattern: /) });
  });

  it("reports an empty reason and a bad pattern together, not one at a time", () => {
    const config = base();
    config.acceptance[0]!.reason = "  ";
    config.acceptance[0]!.ruleSet.rules.push({ lhv: "email", op: "matches pattern", rhv: "(" });
    expect(Object.keys(errorsOf(config)).sort()).toEqual(["acceptance.0.reason", "acceptance.0.ruleSet.rules.1.rhv"]);
  });

  it("refuses a recipient URL that is not http(s)", () => {
    const config = base();
    config.steps.push({ id: "r", type: "recipient", name: "", criteria: { op: "and", rules: [] }, caps: [], url: "ftp://buyer.example.com/", format: "json", mappings: [], timeoutMs: 1000 });
    expect(errorsOf(config)["steps.1.url"]).toBe("The recipient URL must start with http:// or https://");
  });

  it("refuses a rule on a field the flow does not have", () => {
    const config = base();
    config.acceptance[0]!.ruleSet.rules[0] = { lhv: "favourite_colour", op: "is not blank" };
    expect(errorsOf(config)["acceptance.0.ruleSet.rules.0.lhv"]).toBe('"favourite_colour" is not a field of this flow');
  });

  it("lets rules name standard fields such as is_test, and components of flow fields", () => {
    const config = base();
    config.steps[0]!.criteria = { op: "and", rules: [{ lhv: "is_test", op: "is not equal to", rhv: "true" }] };
    config.acceptance[0]!.ruleSet.rules.push({ lhv: "email.domain", op: "is not equal to", rhv: "example.com" });
    expect(errorsOf(config)).toEqual({});
  });

  it("refuses an operator the field's type does not offer", () => {
    const config = base();
    config.acceptance[0]!.ruleSet.rules[0] = { lhv: "email", op: "is greater than", rhv: "a" };
    expect(errorsOf(config)["acceptance.0.ruleSet.rules.0.op"]).toBe('An email field cannot use "is greater than"');
  });

  it("asks for values where the operator needs them, and numbers for number fields", () => {
    const config = base();
    config.acceptance[0]!.ruleSet.rules = [
      { lhv: "email", op: "is equal to", rhv: " " },
      { lhv: "loan_amount", op: "is between", rhv: ["1000"] },
      { lhv: "loan_amount", op: "is greater than", rhv: "lots" },
      { lhv: "email", op: "is included in", rhv: [] },
    ];
    expect(errorsOf(config)).toEqual({
      "acceptance.0.ruleSet.rules.0.rhv": "Enter a value",
      "acceptance.0.ruleSet.rules.1.rhv": "Enter both bounds",
      "acceptance.0.ruleSet.rules.2.rhv": "Enter a number, such as 250000",
      "acceptance.0.ruleSet.rules.3.rhv": "Enter at least one value",
    });
  });

  it("refuses a criterion or filter without conditions, and an empty nested group", () => {
    const config = base();
    config.acceptance[0]!.ruleSet.rules = [{ op: "or", rules: [] }];
    config.steps.push({ id: "f", type: "filter", name: "", criteria: { op: "and", rules: [] }, caps: [], ruleSet: { op: "and", rules: [] }, outcome: "failure", reason: "No" });
    expect(errorsOf(config)).toEqual({
      "acceptance.0.ruleSet.rules.0.rules": "Add a condition to this group, or remove it",
      "steps.1.ruleSet.rules": "Add at least one condition",
    });
  });

  it("refuses duplicate field ids and step ids, and dedupe on a field the flow lacks", () => {
    const config = base();
    config.fields.push({ id: "email", label: "Email again", type: "email", custom: true });
    config.steps.push({ ...config.steps[0]!, fields: ["phone_1"] } as FlowConfig["steps"][number]);
    expect(errorsOf(config)).toEqual({
      "fields.2.id": 'Another field already uses the id "email"',
      "steps.1.id": 'Two steps share the id "dedupe-1"',
      "steps.1.fields.0": '"phone_1" is not a field of this flow',
    });
  });

  it("turns a missing number into words a person can act on", () => {
    const config = base() as unknown as { pricing: { rules: unknown[] } };
    config.pricing.rules.push({ ruleSet: { op: "and", rules: [] }, price: null });
    expect(errorsOf(config)).toEqual({ "pricing.rules.0.price": "Enter a number" });
  });
});

describe("validateSourceConfig", () => {
  it("checks source rules against the flow's fields", () => {
    const fields = base().fields;
    const result = validateSourceConfig({ acceptance: [{ id: "c", ruleSet: { op: "and", rules: [{ lhv: "score_band", op: "is not blank" }] }, reason: "Score please" }] }, fields);
    expect(result).toEqual({ ok: false, fieldErrors: { "acceptance.0.ruleSet.rules.0.lhv": '"score_band" is not a field of this flow' } });
    expect(validateSourceConfig({}, fields).ok).toBe(true);
  });
});
