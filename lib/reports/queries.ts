import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { imports, leads } from "@/db/schema";
import type { Bounds } from "@/lib/leads/time-range";
import type { LeadFilter } from "@/lib/leads/filters";
import { leadWhere } from "@/lib/leads/lead-where";
import type { GroupBy } from "./report-params";

export type GroupCount = { key: string; submitted: number; success: number; failure: number; error: number; cost: number };

const MAX_GROUPS = 1000;

function groupKey(groupBy: GroupBy, timeZone: string): SQL {
  switch (groupBy) {
    case "flow":
      return sql`${leads.flowId}`;
    case "source":
      return sql`${leads.sourceId}`;
    case "outcome":
      return sql`${leads.outcome}::text`;
    case "reason":
      return sql`coalesce(${leads.reason}, '')`;
    case "import":
      return sql`coalesce(${leads.importId}, '')`;
    case "day":
      // date_trunc per row is cheap; the day is written as text once per group, outside.
      return sql`date_trunc('day', ${leads.submittedAt}, ${timeZone})`;
  }
}

// Counts, never lead data: one row per group, over exactly the leads the Leads view lists for the filter.
// Grouped by (key, outcome) with only count and sum per row: with the covering leads_account_time_idx
// this runs as an index-only scan, which is what keeps a month of a million leads within budget.
export async function countLeadsByGroup(options: { accountId: string; filter: LeadFilter; groupBy: GroupBy; timeZone: string }): Promise<GroupCount[]> {
  const { accountId, filter, groupBy, timeZone } = options;
  const db = getDb();
  const grouped = db
    .select({
      key: sql`${groupKey(groupBy, timeZone)}`.as("key"),
      outcome: leads.outcome,
      n: sql<number>`count(*)::int`.as("n"),
      cost: sql<string>`coalesce(sum(${leads.price}), 0)::text`.as("cost"),
    })
    .from(leads)
    .where(leadWhere(accountId, filter))
    // By position: the day key carries the time zone as a parameter, which GROUP BY cannot repeat.
    .groupBy(sql`1`, sql`2`)
    .as("grouped");
  const key = groupBy === "day" ? sql<string>`to_char(${grouped.key} at time zone ${timeZone}, 'YYYY-MM-DD')` : sql<string>`${grouped.key}`;
  const rows = await db.select({ key, outcome: grouped.outcome, n: grouped.n, cost: grouped.cost }).from(grouped);
  const groups = new Map<string, GroupCount>();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { key: row.key, submitted: 0, success: 0, failure: 0, error: 0, cost: 0 };
    const n = Number(row.n);
    group.submitted += n;
    group[row.outcome] += n;
    group.cost += Number(row.cost);
    groups.set(row.key, group);
  }
  for (const group of groups.values()) group.cost = Math.round(group.cost * 10_000) / 10_000;
  return [...groups.values()].sort((a, b) => b.submitted - a.submitted || a.key.localeCompare(b.key)).slice(0, MAX_GROUPS);
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
    .leftJoin(leads, and(eq(leads.id, imports.lastLeadId), eq(leads.accountId, accountId)))
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
