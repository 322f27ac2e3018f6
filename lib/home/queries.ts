import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { flows, imports, leads } from "@/db/schema";
import { WORKING_STATUSES } from "@/lib/imports/report/view";

// Only what the home page shows of an import: counters and names, never settings or mappings.
const importColumns = {
  id: imports.id,
  status: imports.status,
  fileName: imports.fileName,
  rows: imports.rows,
  validated: imports.validatedRows,
  // Under the import's own names: rowOutcomes (lib/imports/report/row-outcomes.ts) reads them.
  processedRows: imports.processedRows,
  invalidRows: imports.invalidRows,
  unreadableRows: imports.unreadableRows,
  duplicates: imports.duplicateRows,
  successCount: imports.successCount,
  failureCount: imports.failureCount,
  errorCount: imports.errorCount,
  skippedRows: imports.skippedRows,
  createdAt: imports.createdAt,
  completedAt: imports.completedAt,
};
export type HomeImportRow = Awaited<ReturnType<typeof listRecentImports>>[number];

// Imports a job is working on now (uploading, validating, importing), newest first.
export async function listRunningImports(accountId: string, limit = 20) {
  return getDb()
    .select(importColumns)
    .from(imports)
    .where(and(eq(imports.accountId, accountId), inArray(imports.status, [...WORKING_STATUSES])))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

// The newest imports whatever their status (imports_account_idx, newest first).
export async function listRecentImports(accountId: string, limit = 5) {
  return getDb().select(importColumns).from(imports).where(eq(imports.accountId, accountId)).orderBy(desc(imports.createdAt)).limit(limit);
}

// Each flow with the time of its last lead: one backward step on leads_flow_time_idx per flow, so the
// cost does not grow with the number of leads.
export async function listFlowsWithLastLead(accountId: string) {
  // Spelled out with table names: drizzle leaves columns unqualified in a one-table select, and in the
  // subquery a bare "id" would be the lead's.
  const lastLeadAt = sql<Date | null>`(select l.submitted_at from leads l where l.flow_id = "flows"."id" order by l.submitted_at desc limit 1)`.mapWith(leads.submittedAt);
  return getDb()
    .select({ id: flows.id, name: flows.name, enabled: flows.enabled, lastLeadAt })
    .from(flows)
    .where(eq(flows.accountId, accountId))
    .orderBy(flows.name, flows.id);
}
