import { describe, expect, it } from "vitest";
import type { NormalizedLead, Operator, Rule, RuleSet } from "./model";
import { evaluateRule, evaluateRuleSet, matchesRuleSet, validatePattern, type RuleOptions } from "./rules";

const lead: NormalizedLead = {
  email: { raw: " A@B.com ", normal: "a@b.com", valid: true, domain: "b.com", user: "a" },
  first_name: { raw: "Ann", normal: "Ann", valid: true },
  state: { raw: "Texas", normal: "TX", valid: true, name: "Texas" },
  phone_1: { raw: "(512) 789-1111", normal: "5127891111", valid: true, area: "512" },
  phone_2: { raw: "123", normal: null, valid: false },
  loan_amount: { raw: "$1,500", normal: 1500, valid: true },
  dob: { raw: "1/2/1990", normal: "1990-01-02", valid: true, age: 34.5, year: 1990 },
  opted_in: { raw: "yes", normal: true, valid: true },
  smoker: { raw: "No", normal: "No", valid: true },
  comments: { raw: "   ", normal: "   ", valid: true },
  city: { raw: "", normal: null, valid: false },
  zip: { raw: "9", normal: "9", valid: true },
};

type Row = [lhv: string, op: Operator, rhv: Rule["rhv"], expected: boolean];

const check = (rows: Row[], opts?: RuleOptions) =>
  it.each(rows)("%s %s %j -> %s", (lhv, op, rhv, expected) => {
    expect(evaluateRule({ lhv, op, rhv }, lead, opts)).toBe(expected);
  });

describe("rules: equality and blanks", () => {
  check([
    ["email", "is equal to", "A@B.COM", true],
    ["email", "is equal to", " a@b.com ", true],
    ["email", "is equal to", "c@d.com", false],
    ["email", "is not equal to", "c@d.com", true],
    ["email", "is not equal to", "A@b.com", false],
    ["loan_amount", "is equal to", "1500.00", true],
    ["opted_in", "is equal to", "yes", true],
    ["opted_in", "is equal to", "false", false],
    ["email", "is blank", undefined, false],
    ["comments", "is blank", undefined, true],
    ["city", "is blank", undefined, true],
    ["missing_field", "is blank", undefined, true],
    ["missing_field", "is not blank", undefined, false],
    ["email", "is not blank", undefined, true],
    ["phone_2", "is not blank", undefined, true],
    ["missing_field", "is equal to", "", true],
  ]);
});

describe("rules: format validity", () => {
  check([
    ["email", "format is valid", undefined, true],
    ["phone_2", "format is valid", undefined, false],
    ["phone_2", "format is invalid", undefined, true],
    ["email", "format is invalid", undefined, false],
    ["missing_field", "format is valid", undefined, false],
    ["missing_field", "format is invalid", undefined, false],
    ["phone_1.area", "format is valid", undefined, true],
    ["phone_2.area", "format is valid", undefined, false],
  ]);
});

describe("rules: text operators", () => {
  check([
    ["email", "includes", "@B.", true],
    ["email", "includes", "gmail", false],
    ["email", "includes", ["gmail", "b.com"], true],
    ["email", "does not include", "gmail", true],
    ["email", "does not include", "A@", false],
    ["missing_field", "does not include", "x", true],
    ["state", "is included in", ["ca", "tx"], true],
    ["state", "is included in", "CA, TX", true],
    ["state", "is included in", "CA\nTX\n", true],
    ["state", "is included in", "CA, NY", false],
    ["state", "is not included in", "CA, NY", true],
    ["state", "is not included in", ["tx"], false],
    ["loan_amount", "is included in", "1000, 1500.0", true],
    ["missing_field", "is included in", "a, b", false],
    ["first_name", "matches pattern", "^an", true],
    ["first_name", "matches pattern", "^bo", false],
    ["first_name", "does not match pattern", "^bo", true],
    ["first_name", "does not match pattern", "N$", false],
    ["phone_1.area", "matches pattern", "^5\\d\\d$", true],
  ]);

  it.each<Operator>(["matches pattern", "does not match pattern"])("fails %s with an invalid pattern", (op) => {
    expect(evaluateRule({ lhv: "first_name", op, rhv: "(" }, lead)).toBe(false);
  });
});

describe("rules: ordering", () => {
  check([
    ["loan_amount", "is greater than", "1000", true],
    ["loan_amount", "is greater than", "1500", false],
    ["loan_amount", "is greater than or equal to", "1500", true],
    ["loan_amount", "is less than", "2000", true],
    ["loan_amount", "is less than", "1500", false],
    ["loan_amount", "is less than or equal to", "1500", true],
    ["loan_amount", "is between", ["1000", "2000"], true],
    ["loan_amount", "is between", "2000, 1000", true],
    ["loan_amount", "is between", "1500, 1500", true],
    ["loan_amount", "is between", "1600, 2000", false],
    ["loan_amount", "is not between", "1600, 2000", true],
    ["loan_amount", "is not between", "1000, 2000", false],
    ["dob.age", "is greater than or equal to", "18", true],
    ["dob.age", "is less than", "30", false],
    ["dob", "is greater than", "1989-12-31", true],
    ["dob", "is less than", "1990-01-02T00:00:01Z", true],
    ["dob", "is between", "1990-01-01, 1990-12-31", true],
    ["zip", "is less than", "10", true],
    ["first_name", "is greater than", "alex", true],
    ["first_name", "is less than", "BOB", true],
    ["missing_field", "is less than", "10", false],
    ["missing_field", "is greater than", "10", false],
    ["loan_amount", "is greater than", "", false],
  ]);

  const typeOf: RuleOptions["typeOf"] = (id) => ({ zip: { compareAs: "text" as const } })[id];
  it("still compares numbers numerically on a text field", () => {
    expect(evaluateRule({ lhv: "zip", op: "is less than", rhv: "10" }, lead, { typeOf })).toBe(true);
  });

  it("fails ordering on a number field when the value is not a number", () => {
    const numberType: RuleOptions["typeOf"] = () => ({ compareAs: "number" });
    expect(evaluateRule({ lhv: "first_name", op: "is greater than", rhv: "1" }, lead, { typeOf: numberType })).toBe(
      false,
    );
  });

  it("compares a date field's values as dates", () => {
    const dateType: RuleOptions["typeOf"] = () => ({ compareAs: "date" });
    const rule: Rule = { lhv: "dob", op: "is less than", rhv: "2000-01-01" };
    expect(evaluateRule(rule, lead, { typeOf: dateType })).toBe(true);
    expect(evaluateRule({ ...rule, rhv: "not a date" }, lead, { typeOf: dateType })).toBe(false);
  });
});

describe("rules: booleans", () => {
  check([
    ["opted_in", "is true", undefined, true],
    ["opted_in", "is false", undefined, false],
    ["smoker", "is false", undefined, true],
    ["smoker", "is true", undefined, false],
    ["first_name", "is true", undefined, false],
    ["first_name", "is false", undefined, false],
    ["missing_field", "is false", undefined, false],
  ]);
});

describe("rules: field resolution", () => {
  check([
    ["email.domain", "is equal to", "B.COM", true],
    ["phone_1.area", "is equal to", "512", true],
    ["phone_1.exchange", "is blank", undefined, true],
    ["phone_2", "is equal to", "123", true],
    ["constructor", "is blank", undefined, true],
    ["email.__proto__", "is blank", undefined, true],
  ]);

  it("reads an unmapped extra sent as a plain string", () => {
    const withExtra = { ...lead, "utm.source": "Google" } as unknown as NormalizedLead;
    expect(evaluateRule({ lhv: "utm.source", op: "is equal to", rhv: "google" }, withExtra)).toBe(true);
    expect(evaluateRule({ lhv: "utm.source", op: "format is valid" }, withExtra)).toBe(true);
  });

  it("sees an edit made to a rule object it has already evaluated", () => {
    const rule: Rule = { lhv: "state", op: "is included in", rhv: "TX" };
    expect(evaluateRule(rule, lead)).toBe(true);
    rule.rhv = "CA";
    expect(evaluateRule(rule, lead)).toBe(false);
  });
});

const rule = (lhv: string, op: Operator, rhv?: Rule["rhv"]): Rule => ({ lhv, op, rhv });

describe("evaluateRuleSet", () => {
  it("passes an empty rule set", () => {
    expect(evaluateRuleSet({ op: "and", rules: [] }, lead)).toEqual({ pass: true, failures: [] });
    expect(evaluateRuleSet({ op: "or", rules: [] }, lead).pass).toBe(true);
  });

  it("needs every rule of an 'and' set and reports each one that failed", () => {
    const set: RuleSet = {
      op: "and",
      rules: [rule("email", "is not blank"), rule("city", "is not blank"), rule("state", "is included in", "CA, NY")],
    };
    expect(evaluateRuleSet(set, lead)).toEqual({
      pass: false,
      failures: ["City must not be blank", "State must be one of CA, NY"],
    });
  });

  it("needs any rule of an 'or' set and reports all of them when none pass", () => {
    const failing: RuleSet = { op: "or", rules: [rule("city", "is not blank"), rule("zip", "is blank")] };
    expect(evaluateRuleSet(failing, lead)).toEqual({
      pass: false,
      failures: ["City must not be blank", "Zip must be blank"],
    });
    const passing: RuleSet = { op: "or", rules: [rule("city", "is not blank"), rule("zip", "is not blank")] };
    expect(evaluateRuleSet(passing, lead)).toEqual({ pass: true, failures: [] });
  });

  it("evaluates nested sets, dropping reasons from an 'or' set that passed", () => {
    const set: RuleSet = {
      op: "and",
      rules: [
        { op: "or", rules: [rule("city", "is not blank"), rule("phone_1.area", "is equal to", "512")] },
        { op: "or", rules: [rule("loan_amount", "is greater than", "5000"), rule("dob.age", "is less than", "21")] },
      ],
    };
    expect(evaluateRuleSet(set, lead, { labelOf: (id) => id.toUpperCase() })).toEqual({
      pass: false,
      failures: ["LOAN_AMOUNT must be greater than 5000", "DOB age must be less than 21"],
    });
    expect(matchesRuleSet(set, lead)).toBe(false);
    expect(matchesRuleSet({ op: "or", rules: set.rules }, lead)).toBe(true);
  });
});

describe("validatePattern", () => {
  it.each([
    ["^\\d{5}$", null],
    ["(", expect.stringMatching(/invalid regular expression/i)],
    ["", "Enter a pattern"],
  ])("%j -> %j", (pattern, expected) => {
    expect(validatePattern(pattern)).toEqual(expected);
  });
});
