import { describe, expect, it } from "vitest";
import type { LeadFilter } from "@/lib/leads/filters";
import { reportCsv } from "./report-csv";
import { pingCountsOf, pingScope } from "./ping-counts";

const filter = (over: Partial<LeadFilter> = {}): LeadFilter => ({
  bounds: { from: new Date("2026-03-08T06:00:00Z"), to: new Date("2026-03-10T05:00:00Z") },
  flowIds: [],
  sourceIds: [],
  importIds: [],
  outcomes: [],
  reasons: [],
  batchOnly: false,
  fields: [],
  search: null,
  ...over,
});

describe("pingScope", () => {
  it("turns half-open bounds into the inclusive days on the account's clock", () => {
    expect(pingScope(filter(), "America/Chicago")).toMatchObject({ firstDay: "2026-03-08", lastDay: "2026-03-09" });
    expect(pingScope(filter({ bounds: { from: null, to: null } }), "America/Chicago")).toMatchObject({ firstDay: null, lastDay: null });
  });

  it("has no answer for filters a ping does not keep", () => {
    expect(pingScope(filter({ batchOnly: true }), "UTC")).toBeNull();
    expect(pingScope(filter({ importIds: ["i".repeat(24)] }), "UTC")).toBeNull();
    expect(pingScope(filter({ reasons: ["duplicate"] }), "UTC")).toBeNull();
    expect(pingScope(filter({ outcomes: ["failure"], flowIds: ["f".repeat(24)] }), "UTC")).toMatchObject({ outcomes: ["failure"], flowIds: ["f".repeat(24)] });
  });
});

describe("ping counts in the CSV", () => {
  const table = { groupBy: "outcome" as const, rows: [], totals: { submitted: 0, success: 0, failure: 0, error: 0, cost: 0 } };

  it("adds a line after the total only when the report has pings", () => {
    const pings = pingCountsOf([
      { outcome: "success", count: 3 },
      { outcome: "failure", count: 2 },
    ]);
    expect(reportCsv({ ...table, pings })).toMatch(/Total,0,0,0,0,0\r?\nPings \(not leads\),5,3,2,0,\r?\n$/);
    expect(reportCsv({ ...table, pings: null })).toMatch(/Total,0,0,0,0,0\r?\n$/);
  });
});
