import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";
import { decodeCursor, encodeCursor } from "./cursor";
import { maskEmail, maskName, maskPhone } from "./mask";

describe("csv cells", () => {
  it("neutralizes anything a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1 512")).toBe(`"'+1 512"`);
    expect(csvCell("-2")).toBe(`"'-2"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tcmd")).toBe(`"'\tcmd"`);
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
