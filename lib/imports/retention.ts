// How long a finished import keeps its stored file and staged rows (IMPORT_FILE_RETENTION_DAYS):
// the maintenance job deletes them after that (lib/maintenance/prune.ts), and from then on its
// results.csv, problems and per-row results are gone. Derived from the finish time, with no column
// of its own, so the page, the API and the prune agree without a write when the day passes.
import type { Import } from "@/db/schema";
import { formatDateTime } from "@/lib/leads/format";

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

/**
 * The import page's sentence on the results file: until when it is kept, or since when it is gone,
 * as a day on the account's clock (the maintenance job deletes it within the hour after). Null
 * while the import is not finished.
 */
export function resultsFileSentence(view: { resultsAvailable: boolean; resultsAvailableUntil: string | null }, timeZone: string): string | null {
  if (!view.resultsAvailableUntil) return null;
  const day = `${formatDateTime(new Date(view.resultsAvailableUntil), timeZone).slice(0, 10)} (${timeZone})`;
  return view.resultsAvailable
    ? `The results file is kept until ${day}; then it is deleted with the import's rows. Its leads are kept.`
    : `The results file is no longer available: it was deleted on ${day} with the import's rows. Its leads are kept.`;
}
