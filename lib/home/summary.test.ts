import { describe, expect, it } from "vitest";
import { importOutcomesText, leadTotals } from "./summary";

const day = (key: string, success: number, failure: number, error: number) => ({ key, submitted: success + failure + error, success, failure, error, cost: 0 });

describe("home page lead numbers", () => {
  it("counts today from today's row and the week from every row, by outcome", () => {
    const totals = leadTotals([day("2025-01-09", 1, 2, 0), day("2025-01-15", 3, 1, 1), day("2025-01-14", 0, 0, 4)], "2025-01-15");
    expect(totals.today).toEqual({ submitted: 5, success: 3, failure: 1, error: 1 });
    expect(totals.week).toEqual({ submitted: 12, success: 4, failure: 3, error: 5 });
  });

  it("is all zeros with no leads, and today is zero when only earlier days had leads", () => {
    expect(leadTotals([], "2025-01-15")).toEqual({ today: { submitted: 0, success: 0, failure: 0, error: 0 }, week: { submitted: 0, success: 0, failure: 0, error: 0 } });
    expect(leadTotals([day("2025-01-14", 2, 0, 0)], "2025-01-15").today.submitted).toBe(0);
  });
});

describe("an import's row outcomes on the home page", () => {
  it("names the rows not imported as part of the failures, in the import page's words", () => {
    expect(importOutcomesText({ outcomes: { success: 1700, failure: 83, error: 1 }, notImported: 80 })).toBe("1,700 success, 83 failure (80 of them not imported), 1 error");
    expect(importOutcomesText({ outcomes: { success: 2, failure: 1, error: 0 }, notImported: 0 })).toBe("2 success, 1 failure, 0 error");
  });

  it("says nothing before any row has an outcome", () => {
    expect(importOutcomesText({ outcomes: { success: 0, failure: 0, error: 0 }, notImported: 0 })).toBeNull();
  });
});
