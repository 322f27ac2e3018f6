import { describe, expect, it } from "vitest";
import { isValidTimeZone, periodBounds, periodStart, type CapPeriod } from "./caps-period";

const CHICAGO = "America/Chicago";

type Row = [period: CapPeriod, at: string, start: string];

const starts = (timeZone: string, rows: Row[]) =>
  it.each(rows)("%s containing %s starts at %s", (period, at, start) => {
    expect(periodStart(period, new Date(at), timeZone).toISOString()).toBe(start);
  });

describe("periodStart in UTC", () => {
  starts("UTC", [
    ["minute", "2024-01-01T10:15:42.123Z", "2024-01-01T10:15:00.000Z"],
    ["hour", "2024-01-01T10:15:42.123Z", "2024-01-01T10:00:00.000Z"],
    ["day", "2024-01-01T23:59:59.999Z", "2024-01-01T00:00:00.000Z"],
    ["day", "2024-01-02T00:00:00.000Z", "2024-01-02T00:00:00.000Z"],
    ["week", "2024-01-07T23:00:00.000Z", "2024-01-01T00:00:00.000Z"],
    ["week", "2024-01-08T00:00:00.000Z", "2024-01-08T00:00:00.000Z"],
    ["week", "2024-01-03T12:00:00.000Z", "2024-01-01T00:00:00.000Z"],
    ["month", "2024-02-29T12:00:00.000Z", "2024-02-01T00:00:00.000Z"],
  ]);
});

describe("periodStart in America/Chicago", () => {
  starts(CHICAGO, [
    ["day", "2024-01-15T05:59:00.000Z", "2024-01-14T06:00:00.000Z"],
    ["day", "2024-01-15T06:00:00.000Z", "2024-01-15T06:00:00.000Z"],
    ["day", "2024-07-04T12:00:00.000Z", "2024-07-04T05:00:00.000Z"],
    // 2024-03-10: clocks go from 02:00 CST to 03:00 CDT; the day began at midnight CST.
    ["day", "2024-03-10T12:00:00.000Z", "2024-03-10T06:00:00.000Z"],
    ["hour", "2024-03-10T08:30:00.000Z", "2024-03-10T08:00:00.000Z"],
    // 2024-11-03: 01:00-02:00 happens twice; each hour is its own period.
    ["day", "2024-11-03T12:00:00.000Z", "2024-11-03T05:00:00.000Z"],
    ["hour", "2024-11-03T06:30:00.000Z", "2024-11-03T06:00:00.000Z"],
    ["hour", "2024-11-03T07:30:00.000Z", "2024-11-03T07:00:00.000Z"],
    ["week", "2024-03-13T12:00:00.000Z", "2024-03-11T05:00:00.000Z"],
    ["week", "2024-03-10T12:00:00.000Z", "2024-03-04T06:00:00.000Z"],
    // Sunday 22:00 in Chicago is already Monday in UTC.
    ["week", "2024-03-11T03:00:00.000Z", "2024-03-04T06:00:00.000Z"],
    ["month", "2024-03-01T03:00:00.000Z", "2024-02-01T06:00:00.000Z"],
    ["month", "2024-11-15T12:00:00.000Z", "2024-11-01T05:00:00.000Z"],
  ]);
});

describe("periodStart in other zones", () => {
  it("starts hours on the half hour where the offset is half an hour", () => {
    expect(periodStart("hour", new Date("2024-01-01T10:45:00Z"), "Asia/Kolkata").toISOString()).toBe(
      "2024-01-01T10:30:00.000Z",
    );
  });

  it("starts a day whose midnight is skipped when the clocks jump", () => {
    // Santiago, 2024-09-08: clocks go from 00:00 -04 straight to 01:00 -03.
    expect(periodStart("day", new Date("2024-09-08T15:00:00Z"), "America/Santiago").toISOString()).toBe(
      "2024-09-08T04:00:00.000Z",
    );
  });
});

describe("periodBounds", () => {
  it.each([
    ["a 23-hour day", "2024-03-10T12:00:00Z", "2024-03-10T06:00:00.000Z", "2024-03-11T05:00:00.000Z"],
    ["a 25-hour day", "2024-11-03T12:00:00Z", "2024-11-03T05:00:00.000Z", "2024-11-04T06:00:00.000Z"],
  ])("ends %s at the next local midnight", (_name, at, start, end) => {
    const bounds = periodBounds("day", new Date(at), CHICAGO);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
  });

  it("moves to the next period as time passes", () => {
    const times = ["2024-05-31T12:00:00Z", "2024-05-31T23:00:00Z", "2024-06-01T05:00:00Z", "2024-05-02T12:00:00Z"];
    const starts = times.map((at) => periodStart("month", new Date(at), CHICAGO).toISOString());
    expect(starts).toEqual([
      "2024-05-01T05:00:00.000Z",
      "2024-05-01T05:00:00.000Z",
      "2024-06-01T05:00:00.000Z",
      "2024-05-01T05:00:00.000Z",
    ]);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    ["America/Chicago", true],
    ["UTC", true],
    ["Mars/Olympus", false],
    ["", false],
  ])("%j -> %s", (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});
