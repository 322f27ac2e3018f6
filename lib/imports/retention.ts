// How long a finished import keeps its stored file and staged rows (IMPORT_FILE_RETENTION_DAYS):
// the maintenance job deletes them after that (lib/maintenance/prune.ts), and from then on its
// results.csv, problems and per-row results are gone. Derived from the finish time, with no column
// of its own, so the page, the API and the prune agree without a write when the day passes.
import type { Import } from "@/db/schema";

const FINISHED: ReadonlySet<Import["status"]> = new Set(["completed", "failed", "cancelled"]);
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the import's rows and file are (or were) pruned; null while it is not finished. */
export function resultsAvailableUntil(imp: Pick<Import, "status" | "completedAt" | "updatedAt">, retentionDays: number): Date | null {
  if (!FINISHED.has(imp.status)) return null;
  return new Date((imp.completedAt ?? imp.updatedAt).getTime() + retentionDays * DAY_MS);
}

export function resultsPruned(imp: Pick<Import, "status" | "completedAt" | "updatedAt">, retentionDays: number, now = new Date()): boolean {
  const until = resultsAvailableUntil(imp, retentionDays);
  return until !== null && until.getTime() <= now.getTime();
}

export function resultsGoneMessage(retentionDays: number): string {
  return `The results of this import are no longer available: an import's file and rows are deleted ${retentionDays} days after it finishes. Its leads are kept; find them on the Leads page or with the leads export.`;
}
