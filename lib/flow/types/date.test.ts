import { describe, expect, it } from "vitest";
import { dateType } from "./date";

describe("date", () => {
  it.each([
    ["6/2/2014", "2014-06-02"],
    ["06/02/2014", "2014-06-02"],
    ["2014-06-02", "2014-06-02"],
    ["2014/6/2", "2014-06-02"],
    ["06022014", "2014-06-02"],
    ["20140602", "2014-06-02"],
    ["6-2-2014", "2014-06-02"],
    ["Jun 2 2014", "2014-06-02"],
    ["Jun 02 2014", "2014-06-02"],
    ["June 2, 2014", "2014-06-02"],
    ["Sept 2nd, 2014", "2014-09-02"],
    ["Mon Jun 02 2014", "2014-06-02"],
    [" 2014-06-02 ", "2014-06-02"],
  ])("reads the US format %j as %s", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each([
    ["13/2/2014", "2014-02-13"],
    ["18/07/2014", "2014-07-18"],
    ["18-07-2014", "2014-07-18"],
    ["18.07.2014", "2014-07-18"],
    ["18072014", "2014-07-18"],
    ["2014-18-07", "2014-07-18"],
    ["18 July 2014", "2014-07-18"],
    ["Fri 18 July 2014", "2014-07-18"],
  ])("falls back to the European format for %j", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each([
    ["6/2/14", "2014-06-02"],
    ["06/02/14", "2014-06-02"],
    ["6-2-14", "2014-06-02"],
    ["12/31/68", "2068-12-31"],
    ["1/1/69", "1969-01-01"],
    ["6/2/50", "2050-06-02"],
    ["31/12/99", "1999-12-31"],
  ])("reads the two-digit year in %j as moment does (00-68 are 20xx)", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each([
    ["091587", "1987-09-15"],
    ["123103", "2003-12-31"],
    [" 070420 ", "2020-07-04"],
  ])("reads six digits %j as MMDDYY", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each(["150987", "870915", "023087", "1234567"])("does not guess another order for the digits %j", (raw) => {
    expect(dateType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("prefers the US reading when both are real dates", () => {
    expect(dateType.parse("02/06/2014")).toMatchObject({ normal: "2014-02-06" });
  });

  // LeadConduit reads dots as it reads slashes; 31.12.2014 is day first because it can only be.
  it.each([
    ["6.2.2014", "2014-06-02"],
    ["02.06.2014", "2014-02-06"],
    ["11.04.85", "1985-11-04"],
    ["31.12.2014", "2014-12-31"],
  ])("reads the dotted date %j in US order first", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each([
    ["02-Jun-2014", "2014-06-02"],
    ["2-JUN-14", "2014-06-02"],
    ["18-jul-99", "1999-07-18"],
    ["Jun-02-2014", "2014-06-02"],
    ["Sept-9-2014", "2014-09-09"],
    ["6 / 2 / 2014", "2014-06-02"],
  ])("reads the exported form %j", (raw, normal) => {
    expect(dateType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it("keeps the written date of a timestamp", () => {
    expect(dateType.parse("2014-06-02T23:30:00-05:00")).toMatchObject({ normal: "2014-06-02", valid: true });
  });

  it.each([
    ["1980-02-29", "1980-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("accepts the leap day %j", (raw, normal) => {
    expect(dateType.parse(raw)).toMatchObject({ normal, valid: true });
  });

  it.each(["1980-02-30", "1900-02-29", "2014-06-31", "13/13/2014", "00/10/2014", "Foo 2 2014", "Jan 2020", "6/2014", "2/30/14", "6/2/014", "31-Feb-2014", "02-Jux-2014", "2014-Jun-02", "yesterday", "12345"])(
    "marks %j invalid",
    (raw) => {
      expect(dateType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
    },
  );

  it("returns a blank value for whitespace", () => {
    expect(dateType.parse("\t")).toEqual({ raw: "\t", normal: null, valid: false });
  });

  it("compares as a date", () => {
    expect(dateType.compareAs).toBe("date");
  });
});
