import { describe, expect, it } from "vitest";
import type { Import } from "@/db/schema";
import { rowOutcomes, withNotReached } from "./row-outcomes";
import { toImportView } from "./view";

const counts = (status: Import["status"], more: Partial<Import> = {}) =>
  ({ status, rows: 100, processedRows: 100, successCount: 17, failureCount: 0, errorCount: 0, skippedRows: 83, ...more }) as Import;

describe("row outcomes: one word per row, as results.csv writes it", () => {
  it("counts rows imported only-valid without a lead as failure, and says how many were not imported", () => {
    expect(rowOutcomes(counts("completed"))).toEqual({ outcomes: { success: 17, failure: 83, error: 0 }, notImported: 83, notReached: 0 });
  });

  it("adds the failed leads to the rows not imported", () => {
    expect(rowOutcomes(counts("completed", { failureCount: 5, successCount: 12 })).outcomes).toEqual({ success: 12, failure: 88, error: 0 });
  });

  it("counts the rows a cancelled or stopped import never reached as failure and not imported, as results.csv does", () => {
    for (const status of ["cancelled", "failed"] as const) {
      expect(rowOutcomes(counts(status, { processedRows: 60, skippedRows: 10, successCount: 50 }))).toEqual({
        outcomes: { success: 50, failure: 50, error: 0 },
        notImported: 50,
        notReached: 40,
      });
    }
  });

  it("leaves rows a running import has not reached yet without an outcome", () => {
    expect(rowOutcomes(counts("importing", { processedRows: 60, skippedRows: 10, successCount: 50 }))).toEqual({
      outcomes: { success: 50, failure: 10, error: 0 },
      notImported: 10,
      notReached: 0,
    });
  });

  it("is what the import JSON and the pages read", () => {
    const imp = {
      ...counts("completed"),
      id: "i1",
      fileName: "f.csv",
      settings: { encoding: "utf-8", delimiter: ",", header: true, detected: {} },
      headers: [],
      notices: [],
      createdAt: new Date(),
      updatedAt: new Date(),
      completedAt: new Date(),
    } as unknown as Import;
    expect(toImportView(imp, { retentionDays: 7 })).toMatchObject({ outcomes: { success: 17, failure: 83, error: 0 }, notImported: 83 });
  });
});

describe("withNotReached", () => {
  it("adds the rows a cancelled import never reached to the counts by reason", () => {
    const byReason = [{ outcome: "success" as const, reason: "", count: 50 }];
    expect(withNotReached(byReason, counts("cancelled", { processedRows: 60 }))).toEqual([
      { outcome: "success", reason: "", count: 50 },
      { outcome: "failure", reason: "Not imported: the import was cancelled", count: 40 },
    ]);
    expect(withNotReached(byReason, counts("completed"))).toEqual(byReason);
  });
});
