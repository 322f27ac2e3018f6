import { describe, expect, it } from "vitest";
import { looksLikeBirthDate, looksLikeDataValue, looksLikeStateCode, looksLikeStreet, looksLikeUsPhone, looksLikeZip } from "./value-shapes";

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

  it("takes a date as a birth date when the person would be 14 to 120 years old that day", () => {
    const today = new Date("2026-06-01T00:00:00Z");
    expect(["2012-06-01", "1906-01-31", "2/29/1960"].map((v) => looksLikeBirthDate(v, today))).toEqual([true, true, true]);
    expect(["2013-01-01", "1905-12-31", "2/29/1961", "1980-04-15T09:30:00", "15/4/1980"].map((v) => looksLikeBirthDate(v, today))).toEqual([false, false, false, false, false]);
  });

  it("takes a house number, words and a street suffix for a street", () => {
    for (const street of ["1600 Amphitheatre Pkwy", "350 Fifth Avenue", "10B Elm St.", "4 Privet Dr, Apt 2", "123 Main St #5"]) expect(looksLikeStreet(street)).toBe(true);
    for (const other of ["Main St", "PO Box 12", "12 Main", "3 bedrooms, 2 baths", "Suite 200"]) expect(looksLikeStreet(other)).toBe(false);
  });
});
