import { describe, expect, it } from "vitest";
import { defaultLabel, describeFailure, describeRule, describeRuleSet, labelForPath, rhvValues } from "./describe-rule";
import type { Operator, Rule, RuleSet } from "./model";

const rule = (lhv: string, op: Operator, rhv?: Rule["rhv"]): Rule => ({ lhv, op, rhv });

describe("labels", () => {
  it.each([
    ["email", "Email"],
    ["loan_amount", "Loan amount"],
    ["phone_1", "Phone 1"],
  ])("labels %s as %s", (id, label) => {
    expect(defaultLabel(id)).toBe(label);
  });

  it("labels a component path by its field's label", () => {
    expect(labelForPath("phone_1.area")).toBe("Phone 1 area");
    expect(labelForPath("phone_1.country_code", () => "Mobile")).toBe("Mobile country code");
  });
});

describe("describeRule and describeFailure", () => {
  it.each<[Rule, string, string]>([
    [rule("email", "is equal to", "a@b.com"), "Email is equal to a@b.com", "Email must be a@b.com"],
    [rule("email", "is not equal to", "x"), "Email is not equal to x", "Email must not be x"],
    [rule("email", "is blank"), "Email is blank", "Email must be blank"],
    [rule("email", "is not blank"), "Email is not blank", "Email must not be blank"],
    [rule("email", "format is valid"), "Email format is valid", "Email must be in a valid format"],
    [rule("email", "format is invalid"), "Email format is invalid", "Email must be in an invalid format"],
    [rule("email", "includes", ["gmail", "yahoo"]), "Email includes gmail, yahoo", "Email must include gmail, yahoo"],
    [rule("email", "does not include", "test"), "Email does not include test", "Email must not include test"],
    [rule("state", "is included in", ["TX", "CA"]), "State is included in TX, CA", "State must be one of TX, CA"],
    [rule("state", "is not included in", "TX,\nCA"), "State is not included in TX, CA", "State must not be one of TX, CA"],
    [rule("loan_amount", "is less than", "10"), "Loan amount is less than 10", "Loan amount must be less than 10"],
    [
      rule("loan_amount", "is less than or equal to", "10"),
      "Loan amount is less than or equal to 10",
      "Loan amount must be less than or equal to 10",
    ],
    [rule("loan_amount", "is greater than", "1000"), "Loan amount is greater than 1000", "Loan amount must be greater than 1000"],
    [
      rule("loan_amount", "is greater than or equal to", "5"),
      "Loan amount is greater than or equal to 5",
      "Loan amount must be greater than or equal to 5",
    ],
    [rule("dob.age", "is between", ["18", "65"]), "Dob age is between 18 and 65", "Dob age must be between 18 and 65"],
    [rule("dob.age", "is not between", "18, 65"), "Dob age is not between 18 and 65", "Dob age must not be between 18 and 65"],
    [rule("zip", "matches pattern", "^7"), "Zip matches pattern ^7", "Zip must match the pattern ^7"],
    [rule("zip", "does not match pattern", "^7"), "Zip does not match pattern ^7", "Zip must not match the pattern ^7"],
    [rule("opted_in", "is true"), "Opted in is true", "Opted in must be true"],
    [rule("opted_in", "is false"), "Opted in is false", "Opted in must be false"],
    [rule("phone_1.area", "is equal to", "512"), "Phone 1 area is equal to 512", "Phone 1 area must be 512"],
  ])("%j", (r, described, failure) => {
    expect(describeRule(r)).toBe(described);
    expect(describeFailure(r)).toBe(failure);
  });

  it("uses the flow's own labels", () => {
    expect(describeFailure(rule("st", "is not blank"), { labelOf: () => "Home state" })).toBe(
      "Home state must not be blank",
    );
  });
});

describe("rhvValues", () => {
  it.each<[Rule, string[]]>([
    [rule("s", "is included in", " TX , CA,,\r\nNY "), ["TX", "CA", "NY"]],
    [rule("s", "is equal to", "a, b"), ["a, b"]],
    [rule("s", "is equal to", ["a", "b"]), ["a"]],
    [rule("s", "includes", "a, b"), ["a, b"]],
    [rule("s", "is between", "1, 2, 3"), ["1", "2"]],
    [rule("s", "is blank", "ignored"), []],
  ])("reads %j", (r, values) => {
    expect(rhvValues(r)).toEqual(values);
  });
});

describe("describeRuleSet", () => {
  it("reads an 'and' set as all of its rules and an 'or' set as any", () => {
    const set: RuleSet = {
      op: "and",
      rules: [
        rule("email", "is not blank"),
        { op: "or", rules: [rule("state", "is equal to", "TX"), rule("state", "is equal to", "CA")] },
      ],
    };
    expect(describeRuleSet(set)).toBe(
      "All of: Email is not blank; (Any of: State is equal to TX; State is equal to CA)",
    );
  });

  it("reads a single rule as itself and an empty set as no conditions", () => {
    expect(describeRuleSet({ op: "or", rules: [rule("email", "is not blank")] })).toBe("Email is not blank");
    expect(describeRuleSet({ op: "and", rules: [] })).toBe("No conditions");
  });
});
