import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { canResume } from "../run/resume";
import { rowAfter } from "./row-label";
import type { StoredSettings } from "../settings";
import { queryOf } from "../stage/staged-rows";

// How far an import got (issue #6): the last line the job committed, the lead of the newest line
// that has one, and whether "Import the remaining rows" applies. ImportView leaves last_line out, so
// this reads the import row itself. The progress events send it with every change (issue #14), so
// the page's "How far it got" moves with each batch saved, not with a separate poll.

export type ImportProgress = {
  /** The last line of the file the import job has committed; null before the first batch. */
  lastLine: number | null;
  /** The spreadsheet row of that line (header row = row 1); null before the first batch. */
  lastRow: number | null;
  lastLead: { id: string; line: number | null; row: number | null; outcome: "success" | "failure" | "error"; reason: string | null } | null;
  resumable: boolean;
};

type LeadRow = { id: string; line: number | null; outcome: "success" | "failure" | "error"; reason: string | null };

/** The progress of an import row already read (and authorized) by the caller: one primary-key lookup. */
export async function progressOf(database: Database, imp: Import): Promise<ImportProgress> {
  const query = queryOf(database);
  // The account and import on the lookup too: only this import's own lead can ever show. They only
  // filter the lead found by its id (`|| ''`: no index can serve them; lib/leads/by-id.ts says why).
  const { rows } = imp.lastLeadId
    ? await query<LeadRow>("select id, import_line as line, outcome::text as outcome, reason from leads where id = $1 and (account_id || '') = $2 and (import_id || '') = $3", [
        imp.lastLeadId,
        imp.accountId,
        imp.id,
      ])
    : { rows: [] as LeadRow[] };
  // The job takes rows in line order from the first, so the rows processed are the records up to last_line.
  const lastRow = imp.lastLine === null ? null : rowAfter(imp.processedRows, (imp.settings as StoredSettings).header);
  const lead = rows[0];
  if (!lead) return { lastLine: imp.lastLine, lastRow, lastLead: null, resumable: canResume(imp) };
  let row: number | null = null;
  if (lead.line !== null && lastRow !== null && imp.lastLine !== null) {
    // The newest lead is at most a batch behind last_line ("import only valid rows" skips rows).
    const { rows: after } = await query<{ n: number }>("select count(*)::int as n from import_rows where import_id = $1 and line > $2 and line <= $3", [
      imp.id,
      lead.line,
      imp.lastLine,
    ]);
    row = lastRow - (after[0]?.n ?? 0);
  }
  return { lastLine: imp.lastLine, lastRow, lastLead: { ...lead, row }, resumable: canResume(imp) };
}
