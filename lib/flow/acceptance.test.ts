import { describe, expect, it } from "vitest";
import { checkAcceptance, makeRequiredCriterion, requiredFieldIds } from "./acceptance";
import type { Criterion, NormalizedLead } from "./model";

const lead: NormalizedLead = {
  email: { raw: "a@b.com", normal: "a@b.com", valid: true, domain: "b.com" },
  state: { raw: "Ohio", normal: "OH", valid: true },
  phone_1: { raw: "", normal: null, valid: false },
};

const mustLiveInTexas: Criterion = {
  id: "texas",
  ruleSet: { op: "and", rules: [{ lhv: "state", op: "is included in", rhv: ["TX"] }] },
  reason: "Lead must live in TX",
};
const phoneRequired = makeRequiredCriterion("phone_1", "Phone");
const emailRequired = makeRequiredCriterion("email", "Email");

describe("checkAcceptance", () => {
  it("accepts a lead when there are no criteria", () => {
    expect(checkAcceptance([], lead)).toEqual({ pass: true });
  });

  it("accepts a lead that meets every criterion", () => {
    expect(checkAcceptance([emailRequired], lead)).toEqual({ pass: true });
  });

  it.each([
    [[mustLiveInTexas, phoneRequired], "texas", "Lead must live in TX", ["State must be one of TX"]],
    [[emailRequired, phoneRequired, mustLiveInTexas], "required-phone_1", "Phone is required", ["Phone 1 must not be blank"]],
  ])("gives the first failing criterion's own reason (%#)", (criteria, criterionId, reason, failures) => {
    expect(checkAcceptance(criteria, lead)).toEqual({ pass: false, criterionId, reason, failures });
  });

  it("uses the flow's labels in the failure details", () => {
    const result = checkAcceptance([phoneRequired], lead, { labelOf: () => "Mobile phone" });
    expect(result).toMatchObject({ pass: false, failures: ["Mobile phone must not be blank"] });
  });
});

describe("requiredFieldIds", () => {
  it("lists fields with a top-level 'is not blank' in an 'and' criterion, once each", () => {
    const criteria: Criterion[] = [
      emailRequired,
      phoneRequired,
      { id: "x", reason: "r", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }, mustLiveInTexas.ruleSet] } },
      { id: "one", reason: "r", ruleSet: { op: "or", rules: [{ lhv: "zip", op: "is not blank" }] } },
    ];
    expect(requiredFieldIds(criteria)).toEqual(["email", "phone_1", "zip"]);
  });

  it.each<[string, Criterion["ruleSet"]]>([
    ["an 'or' of several rules", { op: "or", rules: [{ lhv: "a", op: "is not blank" }, { lhv: "b", op: "is not blank" }] }],
    ["a nested rule", { op: "and", rules: [{ op: "and", rules: [{ lhv: "a", op: "is not blank" }] }] }],
    ["another operator", { op: "and", rules: [{ lhv: "a", op: "format is valid" }] }],
    ["a component path", { op: "and", rules: [{ lhv: "phone_1.area", op: "is not blank" }] }],
  ])("does not count %s as required", (_name, ruleSet) => {
    expect(requiredFieldIds([{ id: "c", reason: "r", ruleSet }])).toEqual([]);
  });
});

describe("makeRequiredCriterion", () => {
  it("builds an 'is not blank' criterion with a readable reason and a stable id", () => {
    expect(makeRequiredCriterion("email", "Email")).toEqual({
      id: "required-email",
      ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] },
      reason: "Email is required",
    });
  });
});
