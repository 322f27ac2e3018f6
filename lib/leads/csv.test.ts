import { describe, expect, it } from "vitest";
import { csvCell, csvLine, needsNeutralizing } from "./csv";
import { decodeCursor, encodeCursor } from "./cursor";
import { maskEmail, maskName, maskPhone } from "./mask";

describe("csv cells", () => {
  it("neutralizes anything a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+SUM(A1)")).toBe(`"'+SUM(A1)"`);
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("-cmd")).toBe(`"'-cmd"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("@x")).toBe(`"'@x"`);
    expect(csvCell("\tcmd")).toBe(`"'\tcmd"`);
    expect(csvCell("\r5")).toBe(`"'\r5"`);
  });

  it("writes a number or a phone that starts with + or - as it is", () => {
    for (const value of ["-5", "+1 5178140820", "+1 (512) 555-0100", "-2.5", "+44 20 7946 0958", "-(3)", "+.5", "-1-1"]) {
      expect(csvCell(value), value).toBe(value);
    }
  });

  it("still neutralizes signs without digits, two signs, letters, and other characters after a sign", () => {
    for (const value of ["+", "-", "- ", "+-5", "--5", "++1", "+1 call", "-5+SUM(A1)", "+1*2", "-1/0", "+1e5", "-A1", "+1\t2", "+1,2", "=5", "@5", "\t5", "-5%"]) {
      expect(needsNeutralizing(value), JSON.stringify(value)).toBe(true);
    }
    expect(csvCell("+1 call, after 5")).toBe(`"'+1 call, after 5"`);
  });

  it("leaves a value that does not start with a formula character alone, digits or not", () => {
    for (const value of ["5", "512-555-0100", "(512) 555-0100", "a=b", "x+1"]) expect(needsNeutralizing(value), value).toBe(false);
  });

  it("leaves numbers and plain text alone and quotes separators", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell("Jane")).toBe("Jane");
    expect(csvCell("Doe, Jane")).toBe(`"Doe, Jane"`);
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", 1, true, null])).toBe("a,1,true,\r\n");
  });
});

describe("cursors", () => {
  it("round-trips and rejects anything else", () => {
    const cursor = { at: "2025-01-02T03:04:05.123456Z", id: "0193a1b2c3d4e5f601234567" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from("2025|x').toString()--").toString("base64url"))).toBeNull();
  });
});

describe("masked contacts", () => {
  it("keeps enough to recognise a lead, not to contact one", () => {
    expect(maskEmail("jane.doe@gmail.com")).toBe("j•••@g•••.com");
    expect(maskPhone("5127891111")).toBe("•••-•••-••11");
    expect(maskName("jane doe")).toBe("J. D.");
    expect(maskEmail(null)).toBeNull();
  });
});
