import "server-only";
import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db";
import { leads } from "@/db/schema";
import { canResume } from "./resume";
import { getImportFor, type ImportAccess } from "./store";

// How far an import got, for its page (issue #6): the last line the job committed, the lead of the
// newest line that has one, and whether "Import the remaining rows" applies. ImportView leaves
// last_line out, so this reads the import row itself.

export type ImportProgress = {
  /** The last line of the file the import job has committed; null before the first batch. */
  lastLine: number | null;
  lastLead: { id: string; line: number | null; outcome: "success" | "failure" | "error"; reason: string | null } | null;
  resumable: boolean;
};

export async function getImportProgress(access: ImportAccess, id: string): Promise<ImportProgress | null> {
  const database = getDatabase();
  const imp = await getImportFor(database, access, id);
  if (!imp) return null;
  const [lead] = imp.lastLeadId
    ? await database.db
        .select({ id: leads.id, line: leads.importLine, outcome: leads.outcome, reason: leads.reason })
        // The account and import on the lookup too: only this import's own lead can ever show.
        .from(leads)
        .where(and(eq(leads.id, imp.lastLeadId), eq(leads.accountId, imp.accountId), eq(leads.importId, imp.id)))
    : [];
  return { lastLine: imp.lastLine, lastLead: lead ?? null, resumable: canResume(imp) };
}
