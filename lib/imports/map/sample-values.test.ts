import { describe, expect, it } from "vitest";
import { sampleValues } from "./sample-values";

const preview = [
  { line: 2, cells: ["Ann", "", "MA"], problem: null },
  { line: 3, cells: ["Bob", "", "MA"], problem: null },
  { line: 4, cells: ["Ann", "x", "NY"], problem: null },
  { line: 5, cells: ["Cy"], problem: "Too few values (1 of 3)" },
  { line: 6, cells: ["Dee", "", "TX"], problem: null },
];

describe("sampleValues", () => {
  it("gives a column's first distinct non-empty values, up to the count", () => {
    expect(sampleValues(preview, 0, 3)).toEqual(["Ann", "Bob", "Dee"]);
    expect(sampleValues(preview, 2, 2)).toEqual(["MA", "NY"]);
  });

  it("skips rows that cannot be read as the header says, and empty cells", () => {
    expect(sampleValues(preview, 1, 3)).toEqual(["x"]);
    expect(sampleValues(preview, 7, 3)).toEqual([]);
  });
});
