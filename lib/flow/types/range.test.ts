import { describe, expect, it } from "vitest";
import { rangeType } from "./range";

describe("range", () => {
  it.each([
    ["1-10", "1-10"],
    ["1 to 10", "1-10"],
    ["1 - 10", "1-10"],
    ["10-1", "1-10"],
    ["1 10", "1-10"],
    ["between 1 and 10", "1-10"],
    ["Between 1 And 10", "1-10"],
    ["1 and 10", "1-10"],
    ["1–10", "1-10"],
  ])("reads %j as the bracket %s", (raw, normal) => {
    expect(rangeType.parse(raw)).toEqual({ raw, normal, valid: true, min: 1, max: 10, avg: 5.5, mid: 5 });
  });

  it("drops currency and thousands separators", () => {
    expect(rangeType.parse("$50,000 - $75,000")).toMatchObject({ normal: "50000-75000", min: 50000, max: 75000 });
  });

  it("rounds avg to 2 decimals and floors mid", () => {
    expect(rangeType.parse("1-2.333")).toMatchObject({ avg: 1.67, mid: 1 });
  });

  it("reads an open-ended bracket with no max", () => {
    expect(rangeType.parse("10+")).toEqual({ raw: "10+", normal: "10+", valid: true, min: 10, max: null, avg: null, mid: null });
  });

  it("reads a plain number as min = max", () => {
    expect(rangeType.parse("7")).toEqual({ raw: "7", normal: "7", valid: true, min: 7, max: 7, avg: 7, mid: 7 });
  });

  it("reads an ISO date as its epoch milliseconds, min = max", () => {
    expect(rangeType.parse("2021-03-01")).toEqual({
      raw: "2021-03-01",
      normal: "1614556800000",
      valid: true,
      min: 1614556800000,
      max: 1614556800000,
      avg: 1614556800000,
      mid: 1614556800000,
    });
  });

  it.each(["2021-03-01 - 2021-03-31", "2021-03-01 to 2021-03-31", "2021-03-31 - 2021-03-01", "2021-03-01-2021-03-31"])(
    "reads the date pair %j as a bracket in epoch milliseconds",
    (raw) => {
      expect(rangeType.parse(raw)).toMatchObject({ raw, normal: "1614556800000-1617148800000", valid: true, min: 1614556800000, max: 1617148800000 });
    },
  );

  it("reads ISO timestamps with their zone, a missing zone as UTC", () => {
    expect(rangeType.parse("2023-11-05T14:30:00Z - 2024-01-15T09:00:00-06:00")).toMatchObject({
      valid: true,
      min: 1699194600000,
      max: 1705330800000,
    });
    expect(rangeType.parse("2023-11-05T14:30")).toMatchObject({ valid: true, min: 1699194600000 });
  });

  it.each(["2021-02-30", "2021-03-01 - 2021-02-30", "2021-03-01 - soon", "2021-03-01 2021-03-31", "2021-03-01 - 2021-03-15 - 2021-03-31", "x2021-03-01"])(
    "marks the unreadable date range %j invalid",
    (raw) => {
      expect(rangeType.parse(raw)).toMatchObject({ raw, valid: false });
    },
  );

  it.each(["abc", "1-", "to 10", "1-2-3", "1 2 3", "between 1", "between and 10", "1 or 10"])("marks %j invalid", (raw) => {
    expect(rangeType.parse(raw)).toMatchObject({ raw, valid: false });
  });

  it("returns a blank value for whitespace", () => {
    expect(rangeType.parse(" ")).toEqual({ raw: " ", normal: null, valid: false });
  });

  it("compares as a number", () => {
    expect(rangeType.compareAs).toBe("number");
  });
});
