import { describe, expect, it } from "vitest";
import { createLineTracker, isBlankRecord } from "./record-lines";

describe("createLineTracker", () => {
  it("starts each record on the line after the previous one ended", () => {
    const lines = createLineTracker();
    expect(lines.locate(["a", "b"])).toMatchObject({ line: 1, endLine: 1 });
    expect(lines.locate(["one\ntwo\r\nthree", "x\ry"])).toMatchObject({ line: 2, endLine: 5 });
    expect(lines.nextLine).toBe(6);
  });
});

describe("isBlankRecord", () => {
  it("treats empty lines and lines of only delimiters or spaces as blank", () => {
    expect(isBlankRecord([""])).toBe(true);
    expect(isBlankRecord(["", " ", ""])).toBe(true);
    expect(isBlankRecord(["", "x"])).toBe(false);
  });
});
