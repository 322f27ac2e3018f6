import { describe, expect, it } from "vitest";
import { maskCell, maskProblemValue, maskRow } from "./mask-cells";

const types = new Map([
  ["email", "email"],
  ["dob", "dob"],
  ["ssn", "ssn"],
]);

describe("mask-cells", () => {
  it("shows a date of birth as only its year, as the lead is stored", () => {
    expect(maskCell("dob", "1947-11-25")).toBe("**/**/1947");
  });

  it("leaves cells of unmasked or unmapped columns as given", () => {
    expect(maskRow(["a@b.co", "3/23/1949", "x"], ["email", "dob", null], types)).toEqual(["a@b.co", "**/**/1949", "x"]);
  });

  it("hides a social security number's digits", () => {
    expect(maskCell("ssn", "123-45-6789")).not.toContain("123");
  });

  it("hides a problem's value whole when any field it names is masked", () => {
    expect(maskProblemValue("email, ssn", "a@b.co, 123456789", types)).toBe("•••");
    expect(maskProblemValue("email", "a@b", types)).toBe("a@b");
  });
});
