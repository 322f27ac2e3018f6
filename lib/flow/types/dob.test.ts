import { describe, expect, it } from "vitest";
import { dobType, parseDob } from "./dob";

const NOW = new Date("2024-06-15T12:00:00Z");

describe("dob", () => {
  it("reads the date and adds age and year", () => {
    expect(parseDob("06/02/1980", NOW)).toEqual({ raw: "06/02/1980", normal: "1980-06-02", valid: true, age: 44, year: 1980 });
  });

  it.each([
    ["2006-06-15", 18],
    ["2006-06-16", 17.9],
    ["2006-12-15", 17.5],
    ["2006-06-14", 18],
    ["1980-03-01", 44.2],
  ])("gives %s an age of %d, rounded down to one decimal", (raw, age) => {
    expect(parseDob(raw, NOW)).toMatchObject({ age });
  });

  it("turns a leap-day birth a year older on Mar 1 of common years", () => {
    expect(parseDob("2004-02-29", new Date("2023-02-28T00:00:00Z"))).toMatchObject({ age: 18.9 });
    expect(parseDob("2004-02-29", new Date("2023-03-01T00:00:00Z"))).toMatchObject({ age: 19 });
  });

  it("marks a birth date in the future invalid", () => {
    expect(parseDob("2030-01-01", NOW)).toMatchObject({ normal: "2030-01-01", valid: false, age: null, year: 2030 });
  });

  it.each([
    ["6/2/50", "1950-06-02", 74],
    ["6/2/14", "2014-06-02", 10],
    ["12/31/99", "1999-12-31", 24.4],
    ["6/15/24", "2024-06-15", 0],
    ["6/16/24", "1924-06-16", 99.9],
    ["2-Jun-50", "1950-06-02", 74],
    ["060250", "1950-06-02", 74],
  ])("never puts the two-digit year of %j in the future: %s", (raw, normal, age) => {
    expect(parseDob(raw, NOW)).toEqual({ raw, normal, valid: true, age, year: Number(normal.slice(0, 4)) });
  });

  it("keeps a four-digit future year as written, and invalid", () => {
    expect(parseDob("6/2/2050", NOW)).toMatchObject({ normal: "2050-06-02", valid: false });
  });

  it.each(["1980-02-30", "not a date", "Jan 2020", "2/30/50"])("marks %j invalid", (raw) => {
    expect(parseDob(raw, NOW)).toEqual({ raw, normal: raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(dobType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });

  it("masks the day and month but keeps age and year", () => {
    const masked = dobType.mask!(parseDob("06/02/1980", NOW));
    expect(masked).toEqual({ raw: "**/**/1980", normal: "**/**/1980", valid: true, age: 44, year: 1980, masked: true });
  });

  it("masks every digit of an unreadable value", () => {
    expect(dobType.mask!(parseDob("31/31/80", NOW))).toMatchObject({ raw: "**/**/**", normal: "**/**/**", masked: true });
  });

  it("masks idempotently and leaves blanks alone", () => {
    const once = dobType.mask!(parseDob("1980-06-02", NOW));
    expect(dobType.mask!(once)).toEqual(once);
    expect(dobType.mask!(parseDob("", NOW))).toEqual({ raw: "", normal: null, valid: false });
  });
});
