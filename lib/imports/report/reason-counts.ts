// An import's counts by outcome and reason, as the summary page and GET /api/imports/{id}/summary
// show them. Counting reads every lead and staged row of the import (4 s at 1,000,000 rows, issue
// #14), so an ended import counts once and keeps the answer in imports.reason_counts: the job counts
// in the transaction that completes the import; a cancelled or failed import, and one that ended
// before migration 0016, count on the first read. Nothing changes an ended import's leads or rows'
// outcomes afterwards; "Import the remaining rows" clears the stored counts (resume.ts).
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { countByReason, type ReasonCount } from "./report";
import { queryOf } from "../stage/staged-rows";

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

const ENDED: ReadonlySet<Import["status"]> = new Set(["completed", "cancelled", "failed"]);

/** Counts the import's rows by reason and keeps them on it; in the transaction that ends it. */
export async function storeReasonCounts(query: Query, importId: string): Promise<void> {
  const counts = await countByReason(query, importId);
  await query("update imports set reason_counts = $2::jsonb where id = $1", [importId, JSON.stringify(counts)]);
}

/** The counts by outcome and reason of an import as read, its rows never reached included. */
export async function reasonCountsOf(database: Database, imp: Import): Promise<ReasonCount[]> {
  const query = queryOf(database);
  if (!ENDED.has(imp.status)) return countByReason(query, imp.id);
  // jsonb orders an object's keys by length: put them back in the order the API has always given.
  if (imp.reasonCounts !== null) return (imp.reasonCounts as ReasonCount[]).map(({ outcome, reason, count }) => ({ outcome, reason, count }));
  const counts = await countByReason(query, imp.id);
  // Kept only if the import is still the one counted: not resumed (and perhaps ended again) meanwhile.
  await query("update imports set reason_counts = $2::jsonb where id = $1 and status = $3 and processed_rows = $4 and reason_counts is null", [
    imp.id,
    JSON.stringify(counts),
    imp.status,
    imp.processedRows,
  ]);
  return counts;
}
