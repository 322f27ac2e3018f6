// The query behind every report count, from the per-day rollup when it can answer exactly
// (lib/reports/rollup.ts) and from the leads otherwise. Built here, run by queries.ts; no server-only,
// so scripts/bench-leads can EXPLAIN exactly what the pages run.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { leadDailyCounts, leads } from "@/db/schema";
import type { LeadFilter } from "@/lib/leads/filters";
import { leadWhere } from "@/lib/leads/lead-where";
import type { GroupBy } from "./report-params";
import { rollupDays, rollupWhere, type DayRange } from "./rollup";

export type CountOptions = { accountId: string; filter: LeadFilter; groupBy: GroupBy; timeZone: string };
// One row per (key, outcome): n leads costing cost in all.
export type OutcomeCount = { key: string; outcome: "success" | "failure" | "error"; n: number | string; cost: string };
export type GroupCount = { key: string; submitted: number; success: number; failure: number; error: number; cost: number };

const MAX_GROUPS = 1000;

function leadsGroupKey(groupBy: GroupBy, timeZone: string): SQL {
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

// Over exactly the leads the Leads view lists for the filter. Grouped by (key, outcome) with only
// count and sum per row: with the covering leads_account_time_idx this is an index-only scan.
export function countFromLeads(db: Db, options: CountOptions) {
  const { accountId, filter, groupBy, timeZone } = options;
  const grouped = db
    .select({
      key: sql`${leadsGroupKey(groupBy, timeZone)}`.as("key"),
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
  return db.select({ key, outcome: grouped.outcome, n: grouped.n, cost: grouped.cost }).from(grouped);
}

const ROLLUP_KEYS: Record<GroupBy, SQL> = {
  flow: sql`${leadDailyCounts.flowId}`,
  source: sql`${leadDailyCounts.sourceId}`,
  outcome: sql`${leadDailyCounts.outcome}::text`,
  reason: sql`coalesce(${leadDailyCounts.reason}, '')`,
  import: sql`coalesce(${leadDailyCounts.importId}, '')`,
  day: sql`to_char(${leadDailyCounts.day}, 'YYYY-MM-DD')`,
};

// The same rows from lead_daily_counts: a group may have several rows (one per concurrent writer),
// summed here; a group whose leads were all deleted sums to zero and is left out, as in the leads.
export function countFromRollup(db: Db, options: CountOptions & { days: DayRange }) {
  const { accountId, filter, groupBy, days } = options;
  return db
    .select({
      key: sql<string>`${ROLLUP_KEYS[groupBy]}`,
      outcome: leadDailyCounts.outcome,
      n: sql<string>`sum(${leadDailyCounts.count})::text`,
      cost: sql<string>`sum(${leadDailyCounts.cost})::text`,
    })
    .from(leadDailyCounts)
    .where(rollupWhere(accountId, filter, days))
    .groupBy(sql`1`, sql`2`)
    .having(sql`sum(${leadDailyCounts.count}) <> 0`);
}

export function countQuery(db: Db, options: CountOptions) {
  const days = rollupDays(options.filter, options.timeZone);
  return days ? countFromRollup(db, { ...options, days }) : countFromLeads(db, options);
}

// (key, outcome) rows -> one GroupCount per key, biggest first.
export function groupCounts(rows: OutcomeCount[]): GroupCount[] {
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
