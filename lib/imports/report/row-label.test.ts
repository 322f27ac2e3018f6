import { describe, expect, it } from "vitest";
import { rowAfter, rowAndLine } from "./row-label";

describe("row and line", () => {
  it("names both, the spreadsheet's row first", () => {
    expect(rowAndLine(30, 33)).toBe("row 30, line 33");
    expect(rowAndLine(13_965, 14_002)).toBe("row 13,965, line 14,002");
  });

  it("names the line alone when the row is not known", () => {
    expect(rowAndLine(null, 33)).toBe("line 33");
  });

  it("counts the header row as row 1", () => {
    expect(rowAfter(29, true)).toBe(30);
    expect(rowAfter(29, false)).toBe(29);
  });
});
