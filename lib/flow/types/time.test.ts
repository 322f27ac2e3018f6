import { describe, expect, it } from "vitest";
import { timeType } from "./time";

describe("time", () => {
  it.each([
    ["2014-06-02T10:00:00Z", "2014-06-02T10:00:00.000Z"],
    ["2014-06-02T10:00:00.123Z", "2014-06-02T10:00:00.123Z"],
    ["2014-06-02T10:00:00+02:00", "2014-06-02T08:00:00.000Z"],
    ["2014-06-02T10:00:00-0500", "2014-06-02T15:00:00.000Z"],
    ["2014-06-02 10:00", "2014-06-02T10:00:00.000Z"],
    ["2014-06-02", "2014-06-02T00:00:00.000Z"],
  ])("reads the ISO 8601 value %j", (raw, normal) => {
    expect(timeType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it.each([
    ["Mon Jun 02 2014 10:00:00 GMT-0500 (CDT)", "2014-06-02T15:00:00.000Z"],
    ["Mon, 02 Jun 2014 15:04:05 GMT", "2014-06-02T15:04:05.000Z"],
    ["6/2/2014 10:00 PM", "2014-06-02T22:00:00.000Z"],
    ["6/2/2014 12:30 am", "2014-06-02T00:30:00.000Z"],
    ["June 2, 2014 at 10:00 EST", "2014-06-02T15:00:00.000Z"],
    ["1401703200", "2014-06-02T10:00:00.000Z"],
    ["1401703200123", "2014-06-02T10:00:00.123Z"],
  ])("reads %j", (raw, normal) => {
    expect(timeType.parse(raw)).toEqual({ raw, normal, valid: true });
  });

  it("reads a time with no zone as UTC", () => {
    expect(timeType.parse("2014-06-02T10:00:00")).toMatchObject({ normal: "2014-06-02T10:00:00.000Z" });
  });

  it.each(["1", "12", "2014-02-30T10:00:00Z", "2014-06-02T25:00:00Z", "6/2/2014 13:00 PM", "2014-06-02T10:00:00 Mars", "soon", "060214"])(
    "marks %j invalid",
    (raw) => {
      expect(timeType.parse(raw)).toEqual({ raw, normal: raw, valid: false });
    },
  );

  it("returns a blank value for whitespace", () => {
    expect(timeType.parse("")).toEqual({ raw: "", normal: null, valid: false });
  });
});
