import { describe, expect, it } from "vitest";
import type { Mapping } from "../settings";
import { cellMatches, columnsOf, correctedCells, mergeCorrections } from "./cells";

const headers = ["First Name", "Email", "State"];
const mapping: Mapping = [
  { column: 0, fieldId: "first_name" },
  { column: 1, fieldId: "email" },
  { column: 2, fieldId: "state" },
];

describe("correctedCells", () => {
  it("puts each corrected cell in its column and leaves the file's cells alone", () => {
    const file = ["Ann", "ann@example.com", "XX"];
    expect(correctedCells(file, { "2": "TX" })).toEqual(["Ann", "ann@example.com", "TX"]);
    expect(file).toEqual(["Ann", "ann@example.com", "XX"]);
    expect(correctedCells(file, null)).toBe(file);
  });
});

describe("columnsOf", () => {
  it("reads keys as the file's column names, or else as mapped field ids", () => {
    const result = columnsOf(headers, mapping, { State: "TX", email: "a@b.co" });
    expect(result).toEqual({ status: "ok", columns: new Map([[2, "TX"], [1, "a@b.co"]]) });
  });

  it("refuses a key that names no column, listing the columns", () => {
    expect(columnsOf(headers, mapping, { Zip: "78701" })).toEqual({
      status: "invalid",
      message: '"Zip" is neither a column of the file nor a mapped field. Columns: First Name, Email, State.',
    });
  });
});

describe("mergeCorrections", () => {
  const file = ["Ann", "", "XX"];

  it("keeps only cells that differ from the file", () => {
    expect(mergeCorrections(file, null, new Map([[2, "TX"], [0, "Ann"]]))).toEqual({ "2": "TX" });
  });

  it("adds to earlier corrections, and drops one set back to the file's value", () => {
    expect(mergeCorrections(file, { "2": "TX" }, new Map([[1, "a@b.co"]]))).toEqual({ "1": "a@b.co", "2": "TX" });
    expect(mergeCorrections(file, { "2": "TX" }, new Map([[2, "XX"]]))).toBeNull();
  });
});

describe("cellMatches", () => {
  it("matches a whole cell, ignoring case and surrounding spaces", () => {
    expect(cellMatches(" xx ", "XX")).toBe(true);
    expect(cellMatches("XXL", "XX")).toBe(false);
  });

  it("matches empty cells with an empty search", () => {
    expect(cellMatches("", "")).toBe(true);
    expect(cellMatches(undefined, " ")).toBe(true);
    expect(cellMatches("TX", "")).toBe(false);
  });
});
