import "server-only";
import { and, desc, eq, gte, inArray, lt, lte, sum } from "drizzle-orm";
import { getDb } from "@/db";
import { imports, leads, pingDailyCounts } from "@/db/schema";
import { leadOfAccount } from "@/lib/leads/by-id";
import type { Bounds } from "@/lib/leads/time-range";
import { countQuery, groupCounts, type CountOptions, type GroupCount } from "./count-query";
import { pingCountsOf, type PingCounts, type PingScope } from "./ping-counts";

// Counts, never lead data: one row per group, over exactly the leads the Leads view lists for the
// filter, from the per-day rollup whenever it can answer exactly (see count-query.ts).
export async function countLeadsByGroup(options: CountOptions): Promise<GroupCount[]> {
  return groupCounts(await countQuery(getDb(), options));
}

// The account's pings in the scope, by outcome (see ping-counts.ts).
export async function countPings(accountId: string, scope: PingScope): Promise<PingCounts> {
  const p = pingDailyCounts;
  const rows = await getDb()
    .select({ outcome: p.outcome, count: sum(p.count).mapWith(Number) })
    .from(p)
    .where(
      and(
        eq(p.accountId, accountId),
        scope.firstDay ? gte(p.day, scope.firstDay) : undefined,
        scope.lastDay ? lte(p.day, scope.lastDay) : undefined,
        scope.flowIds.length > 0 ? inArray(p.flowId, scope.flowIds) : undefined,
        scope.sourceIds.length > 0 ? inArray(p.sourceId, scope.sourceIds) : undefined,
        scope.outcomes.length > 0 ? inArray(p.outcome, scope.outcomes) : undefined,
      ),
    )
    .groupBy(p.outcome);
  return pingCountsOf(rows);
}

// A source's imports started in the time frame, each with its counters and the last lead it imported.
export async function listImportSummariesForSource(options: { accountId: string; sourceId: string; bounds: Bounds; limit?: number }) {
  const { accountId, sourceId, bounds } = options;
  return getDb()
    .select({
      id: imports.id,
      fileName: imports.fileName,
      status: imports.status,
      rows: imports.rows,
      processedRows: imports.processedRows,
      invalidRows: imports.invalidRows,
      duplicateRows: imports.duplicateRows,
      successCount: imports.successCount,
      failureCount: imports.failureCount,
      errorCount: imports.errorCount,
      skippedRows: imports.skippedRows,
      createdAt: imports.createdAt,
      completedAt: imports.completedAt,
      lastLine: imports.lastLine,
      lastLeadId: imports.lastLeadId,
      lastLeadOutcome: leads.outcome,
      lastLeadReason: leads.reason,
      lastLeadEmail: leads.email,
      lastLeadPhone: leads.phone,
      lastLeadName: leads.name,
    })
    .from(imports)
    // The account id on the join too: a last_lead_id can only ever show this account's lead.
    .leftJoin(leads, and(eq(leads.id, imports.lastLeadId), leadOfAccount(accountId)))
    .where(
      and(
        eq(imports.accountId, accountId),
        eq(imports.sourceId, sourceId),
        bounds.from ? gte(imports.createdAt, bounds.from) : undefined,
        bounds.to ? lt(imports.createdAt, bounds.to) : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt))
    .limit(options.limit ?? 50);
}
