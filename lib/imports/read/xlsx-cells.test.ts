import { describe, expect, it } from "vitest";
import { cellText, excelSerialToDate, isDateFormat, numberText, zeroPadWidth } from "./xlsx-cells";

describe("xlsx cells as a person sees them", () => {
  it("keeps the leading zeros of a zip stored as a number with format 00000", () => {
    expect(cellText(2134, "00000")).toBe("02134");
    expect(zeroPadWidth("00000")).toBe(5);
    expect(zeroPadWidth("0.00")).toBeNull();
    expect(zeroPadWidth("General")).toBeNull();
  });

  it("writes long integers in full, never in exponent notation", () => {
    expect(cellText(5127891234)).toBe("5127891234");
    expect(cellText(123456789012345)).toBe("123456789012345");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(1.5e-7)).toBe("0.00000015");
  });

  it("writes a date as an ISO date, with the time only when it has one", () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe("2024-03-05");
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 30, 0)))).toBe("2024-03-05T14:30:00");
    expect(isoDateOfSerial(45356)).toBe("2024-03-05");
  });

  it("gives a formula's cached result, as a date when its format is one", () => {
    expect(cellText({ formula: "A1*2", result: 42 })).toBe("42");
    expect(cellText({ formula: "A1&B1", result: "ab" })).toBe("ab");
    expect(cellText({ formula: "TODAY()", result: 45356 }, "yyyy-mm-dd")).toBe("2024-03-05");
    expect(cellText({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(cellText({ formula: "A1" })).toBe("");
  });

  it("gives rich text as its plain text, and hyperlinks as their text", () => {
    expect(cellText({ richText: [{ text: "Jane " }, { font: { bold: true }, text: "Doe" }] })).toBe("Jane Doe");
    expect(cellText({ text: "site", hyperlink: "https://example.com" })).toBe("site");
  });

  it("writes booleans, errors and empty cells as Excel's CSV export does", () => {
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
  });

  it("tells date formats from number formats", () => {
    expect(isDateFormat("mm-dd-yy")).toBe(true);
    expect(isDateFormat("[$-409]d-mmm-yyyy")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat('#,##0 "items"')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});

function isoDateOfSerial(serial: number) {
  return cellText(excelSerialToDate(serial));
}
