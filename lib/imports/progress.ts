import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { canResume } from "./resume";
import { queryOf } from "./staged-rows";

// How far an import got (issue #6): the last line the job committed, the lead of the newest line
// that has one, and whether "Import the remaining rows" applies. ImportView leaves last_line out, so
// this reads the import row itself. The progress events send it with every change (issue #14), so
// the page's "How far it got" moves with each batch saved, not with a separate poll.

export type ImportProgress = {
  /** The last line of the file the import job has committed; null before the first batch. */
  lastLine: number | null;
  lastLead: { id: string; line: number | null; outcome: "success" | "failure" | "error"; reason: string | null } | null;
  resumable: boolean;
};

type LeadRow = { id: string; line: number | null; outcome: "success" | "failure" | "error"; reason: string | null };

/** The progress of an import row already read (and authorized) by the caller: one primary-key lookup. */
export async function progressOf(database: Database, imp: Import): Promise<ImportProgress> {
  // The account and import on the lookup too: only this import's own lead can ever show.
  const { rows } = imp.lastLeadId
    ? await queryOf(database)<LeadRow>(
        "select id, import_line as line, outcome::text as outcome, reason from leads where id = $1 and account_id = $2 and import_id = $3",
        [imp.lastLeadId, imp.accountId, imp.id],
      )
    : { rows: [] as LeadRow[] };
  return { lastLine: imp.lastLine, lastLead: rows[0] ?? null, resumable: canResume(imp) };
}
