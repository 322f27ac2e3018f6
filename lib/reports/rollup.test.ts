import { describe, expect, it } from "vitest";
import { parseLeadParams, toLeadFilter, type SearchParams } from "@/lib/leads/filters";
import { rollupDays } from "./rollup";

const chicago = "America/Chicago";
const now = new Date("2025-03-10T15:00:00Z");
const filterOf = (params: SearchParams, timeZone = chicago) => toLeadFilter(parseLeadParams(params)!, timeZone, now);

describe("the report rollup", () => {
  it("answers every named time frame, as whole days on the account's clock", () => {
    expect(rollupDays(filterOf({ range: "all" }), chicago)).toEqual({ from: null, to: null });
    expect(rollupDays(filterOf({ range: "today" }), chicago)).toEqual({ from: "2025-03-10", to: "2025-03-11" });
    expect(rollupDays(filterOf({ range: "last_7_days" }), chicago)).toEqual({ from: "2025-03-04", to: "2025-03-11" });
    expect(rollupDays(filterOf({ range: "this_month" }), chicago)).toEqual({ from: "2025-03-01", to: "2025-04-01" });
    expect(rollupDays(filterOf({ range: "last_month" }), chicago)).toEqual({ from: "2025-02-01", to: "2025-03-01" });
  });

  it("answers custom dates across a DST change, and open ends", () => {
    expect(rollupDays(filterOf({ range: "custom", from: "2025-03-08", to: "2025-03-09" }), chicago)).toEqual({ from: "2025-03-08", to: "2025-03-10" });
    expect(rollupDays(filterOf({ range: "custom", from: "2025-11-02" }), chicago)).toEqual({ from: "2025-11-02", to: null });
    expect(rollupDays(filterOf({ range: "custom", to: "2025-03-09" }, "Asia/Kolkata"), "Asia/Kolkata")).toEqual({ from: null, to: "2025-03-10" });
  });

  it("answers the filters it keeps: flows, sources, imports, outcomes, reasons, batch leads", () => {
    const params = { range: "all", flow: "0123456789abcdef01234567", outcome: ["failure", "error"], reason: "Duplicate", batch: "1" };
    expect(rollupDays(filterOf(params), chicago)).not.toBeNull();
  });

  it("leaves field values and searches to the leads", () => {
    expect(rollupDays(filterOf({ range: "all", field: "state", value: "TX" }), chicago)).toBeNull();
    expect(rollupDays(filterOf({ range: "all", q: "jane@example.com" }), chicago)).toBeNull();
  });

  it("leaves a frame that is not whole days of the account's clock to the leads", () => {
    const filter = filterOf({ range: "all" });
    expect(rollupDays({ ...filter, bounds: { from: new Date("2025-03-10T10:00:00Z"), to: null } }, chicago)).toBeNull();
    expect(rollupDays(filterOf({ range: "today" }, "UTC"), chicago)).toBeNull();
  });
});
