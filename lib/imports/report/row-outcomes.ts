// One vocabulary for what became of each row of a file (issue #14), the same on the page, in the
// import JSON and in results.csv: every row has one outcome, success, failure or error, the words
// LeadConduit uses and old readers of results.csv know. "Not imported" is not a fourth outcome: it
// names the failures that got no lead (invalid or repeated rows under "Import only valid rows", rows
// naming no flow of the account, rows a cancelled or stopped import never reached), whose reason in
// results.csv starts "Not imported:". So the failure count is failed leads plus rows not imported.
import type { Import } from "@/db/schema";

type Counts = Pick<Import, "status" | "rows" | "processedRows" | "successCount" | "failureCount" | "errorCount" | "skippedRows">;

export type RowOutcomes = {
  outcomes: { success: number; failure: number; error: number };
  /** Failure rows without a lead, rows never reached included. */
  notImported: number;
  /** Of those, rows a finished import never reached (0 while it runs: those rows have no outcome yet). */
  notReached: number;
};

/** Rows of one outcome and reason: the summary's "by reason" table and imports.reason_counts. */
export type ReasonCount = { outcome: "success" | "failure" | "error"; reason: string; count: number };

/** An import that ran to an end: results.csv gives its rows never reached the outcome failure. */
const ENDED: ReadonlySet<Import["status"]> = new Set(["completed", "cancelled", "failed"]);

export function rowOutcomes(imp: Counts): RowOutcomes {
  const notReached = ENDED.has(imp.status) ? Math.max(0, imp.rows - imp.processedRows) : 0;
  const notImported = imp.skippedRows + notReached;
  return { outcomes: { success: imp.successCount, failure: imp.failureCount + notImported, error: imp.errorCount }, notImported, notReached };
}

/** results.csv's reason for a row the import never reached. */
export const notReachedReason = (status: Import["status"]) =>
  status === "cancelled" ? "Not imported: the import was cancelled" : "Not imported: the import stopped before this row";

/**
 * The counts by outcome and reason with the rows never reached, so they add up to the row outcomes.
 * `counted`: rows never reached already counted under their problem (results.csv gives them that reason).
 */
export function withNotReached(byReason: ReasonCount[], imp: Counts, counted = 0): ReasonCount[] {
  const notReached = rowOutcomes(imp).notReached - counted;
  return notReached > 0 ? [...byReason, { outcome: "failure", reason: notReachedReason(imp.status), count: notReached }] : byReason;
}
