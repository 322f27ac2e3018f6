import { describe, expect, it } from "vitest";
import { looksLikeDataValue, looksLikeStateCode, looksLikeUsPhone, looksLikeZip } from "./value-shapes";

describe("value shapes", () => {
  it("accepts US phones written the usual ways, and not other digit runs", () => {
    for (const phone of ["8573677242", "+1 5178140820", "(683) 915-0565", "617.555.0100", "1-617-555-0100"]) {
      expect(looksLikeUsPhone(phone)).toBe(true);
    }
    for (const other of ["555-0100", "2-617-555-0100", "617 555 0100 ext", "316000"]) {
      expect(looksLikeUsPhone(other)).toBe(false);
    }
  });

  it("accepts 5-digit and ZIP+4 codes only", () => {
    expect([looksLikeZip("02134"), looksLikeZip("02134-1234"), looksLikeZip("2134")]).toEqual([true, true, false]);
  });

  it("accepts two-letter US state codes in any case", () => {
    expect([looksLikeStateCode("va"), looksLikeStateCode("ZZ"), looksLikeStateCode("Virginia")]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("calls numbers, emails, phones, dates and IPs data, and names not", () => {
    for (const value of ["$537,000", "12.5%", "ann@example.com", "3/23/1949", "2026-01-01T00:00:37.000Z", "10.0.0.1"]) {
      expect(looksLikeDataValue(value)).toBe(true);
    }
    for (const name of ["Zip", "ZIP+4", "Phone 1", "E-mail Address", "Date of Birth"]) {
      expect(looksLikeDataValue(name)).toBe(false);
    }
  });
});
