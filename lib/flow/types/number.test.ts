import { describe, expect, it } from "vitest";
import { numberType } from "./number";

describe("number", () => {
  it.each([
    ["$1,000.00", 1000],
    ["42", 42],
    ["-3.5", -3.5],
    [" 7 ", 7],
    ["12 months", 12],
    ["0", 0],
    ["1e3", 1000],
    ["1E3", 1000],
    [" 2.5e2 ", 250],
    ["1.5e-2", 0.015],
    ["-1e3", -1000],
  ])("reads %j as %d", (raw, normal) => {
    expect(numberType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each(["abc", "-", ".", "1.2.3", "1-2"])("marks %j invalid", (raw) => {
    expect(numberType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it.each(["", " "])("returns a blank value for %j", (raw) => {
    expect(numberType.parse(raw)).toEqual({ raw, normal: null, valid: false });
  });

  it("compares as a number", () => {
    expect(numberType.compareAs).toBe("number");
    expect(numberType.operators).toContain("is between");
  });
});
