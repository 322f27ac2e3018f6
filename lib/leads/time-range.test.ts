import { describe, expect, it } from "vitest";
import { dayKeys, resolveTimeFrame, startOfWallDate, wallDateKey } from "./time-range";

const chicago = "America/Chicago";

describe("time frames", () => {
  it("starts today at midnight on the account's clock, not UTC's", () => {
    const now = new Date("2025-07-10T03:00:00Z"); // still July 9 in Chicago
    const { from, to } = resolveTimeFrame({ range: "today" }, chicago, now);
    expect(from?.toISOString()).toBe("2025-07-09T05:00:00.000Z");
    expect(to?.toISOString()).toBe("2025-07-10T05:00:00.000Z");
  });

  it("counts the last 7 days as today and the six before it", () => {
    const { from, to } = resolveTimeFrame({ range: "last_7_days" }, "UTC", new Date("2025-07-10T12:00:00Z"));
    expect(from?.toISOString()).toBe("2025-07-04T00:00:00.000Z");
    expect(to?.toISOString()).toBe("2025-07-11T00:00:00.000Z");
  });

  it("makes the day clocks go forward 23 hours long", () => {
    const start = startOfWallDate(2025, 3, 9, chicago);
    const next = startOfWallDate(2025, 3, 10, chicago);
    expect(start.toISOString()).toBe("2025-03-09T06:00:00.000Z");
    expect(next.getTime() - start.getTime()).toBe(23 * 3600 * 1000);
  });

  it("knows last month across a year boundary", () => {
    const { from, to } = resolveTimeFrame({ range: "last_month" }, "UTC", new Date("2025-01-15T00:00:00Z"));
    expect(from?.toISOString()).toBe("2024-12-01T00:00:00.000Z");
    expect(to?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("includes the whole last day of custom dates, and puts reversed dates in order", () => {
    expect(resolveTimeFrame({ range: "custom", from: "2025-02-01", to: "2025-02-03" }, "UTC")).toEqual({
      from: new Date("2025-02-01T00:00:00Z"),
      to: new Date("2025-02-04T00:00:00Z"),
    });
    expect(resolveTimeFrame({ range: "custom", from: "2025-02-03", to: "2025-02-01" }, "UTC").from).toEqual(new Date("2025-02-02T00:00:00Z"));
  });

  it("leaves all time unbounded", () => {
    expect(resolveTimeFrame({ range: "all" }, chicago)).toEqual({ from: null, to: null });
  });

  it("works in zones far from UTC", () => {
    expect(startOfWallDate(2025, 6, 1, "Pacific/Kiritimati").toISOString()).toBe("2025-05-31T10:00:00.000Z");
    expect(startOfWallDate(2025, 6, 1, "Asia/Kolkata").toISOString()).toBe("2025-05-31T18:30:00.000Z");
  });

  it("lists every day of a frame for charts", () => {
    const bounds = resolveTimeFrame({ range: "custom", from: "2025-03-08", to: "2025-03-10" }, chicago);
    expect(dayKeys(bounds, chicago)).toEqual(["2025-03-08", "2025-03-09", "2025-03-10"]);
    expect(wallDateKey(new Date("2025-03-09T05:59:00Z"), chicago)).toBe("2025-03-08");
  });
});
