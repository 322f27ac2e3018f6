import { describe, expect, it } from "vitest";
import { isTimeZone, timeZoneOptions } from "./time-zones";

describe("isTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
  });

  it("refuses made-up names, offsets in text, wrong case and empty input", () => {
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("GMT+25")).toBe(false);
    expect(isTimeZone("america/chicago")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("A".repeat(100))).toBe(false);
  });
});

describe("timeZoneOptions", () => {
  it("lists the current zone once, first when the runtime does not list it", () => {
    expect(timeZoneOptions("America/Chicago").filter((z) => z === "America/Chicago")).toHaveLength(1);
    const withUtc = timeZoneOptions("UTC");
    expect(withUtc.filter((z) => z === "UTC")).toHaveLength(1);
    expect(withUtc).toContain("Europe/Berlin");
  });
});
