import { describe, expect, it } from "vitest";
import { columnValueKind } from "./match-by-values";

describe("columnValueKind", () => {
  it.each([
    ["email", ["ann@example.com", "bob@example.org"]],
    ["phone", ["(617) 555-0100", "+1 617 555 0101", "617.555.0102"]],
    ["zip", ["02134", "02135-1234"]],
    ["state", ["MA", "ny", "TX"]],
  ])("recognises a %s column", (kind, values) => {
    expect(columnValueKind(values)?.kind).toBe(kind);
  });

  it("ignores empty values when measuring the share", () => {
    expect(columnValueKind(["", "ann@example.com", " ", "bob@example.org", "x"])).toEqual({ kind: "email", share: 2 / 3 });
  });

  it("needs at least 60% of the values to fit", () => {
    expect(columnValueKind(["02134", "Boston", "Salem"])).toBeNull();
    expect(columnValueKind(["", ""])).toBeNull();
  });

  it("does not take amounts or short numbers for phones or zips", () => {
    expect(columnValueKind(["316000", "537000", "1234"])).toBeNull();
  });
});
