import { describe, expect, it } from "vitest";
import { buildReport } from "./build-report";

const labels = { flows: new Map([["f1", "Mortgage"]]), sources: new Map([["s1", "Acme"]]), imports: new Map([["i1", "march.csv"]]) };
const count = (key: string, submitted: number) => ({ key, submitted, success: submitted, failure: 0, error: 0, cost: submitted * 1.5 });

describe("report table", () => {
  it("names groups and totals the rows", () => {
    const table = buildReport({ groupBy: "source", counts: [count("s1", 3), count("gone", 1)], labels });
    expect(table.rows.map((r) => r.label)).toEqual(["Acme", "Deleted source"]);
    expect(table.totals).toMatchObject({ submitted: 4, success: 4, cost: 6 });
  });

  it("shows every day of the frame in order, empty days as zero", () => {
    const table = buildReport({ groupBy: "day", counts: [count("2025-01-03", 2)], labels, days: ["2025-01-02", "2025-01-03", "2025-01-04"] });
    expect(table.rows.map((r) => [r.key, r.submitted])).toEqual([["2025-01-02", 0], ["2025-01-03", 2], ["2025-01-04", 0]]);
  });

  it("says what an empty reason or import means", () => {
    expect(buildReport({ groupBy: "reason", counts: [count("", 1)], labels }).rows[0]!.label).toBe("No reason");
    expect(buildReport({ groupBy: "import", counts: [count("", 1), count("i1", 1)], labels }).rows.map((r) => r.label)).toEqual([
      "Not imported (real-time)",
      "march.csv",
    ]);
  });
});

describe("report CSV", () => {
  it("has a line per group and a total, with names neutralized like any cell", async () => {
    const { reportCsv } = await import("./report-csv");
    const table = buildReport({ groupBy: "reason", counts: [count("=1+1", 2), count("", 1)], labels });
    expect(reportCsv(table).split("\r\n")).toEqual(["\uFEFFReason,Submitted,Success,Failure,Error,Cost", `"'=1+1",2,2,0,0,3`, "No reason,1,1,0,0,1.5", "Total,3,3,0,0,4.5", ""]);
  });
});
