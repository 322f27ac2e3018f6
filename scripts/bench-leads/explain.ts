// EXPLAIN ANALYZE of the queries behind the Leads view and reports, built by the same builders the
// app uses (lib/leads/lead-where.ts, lib/reports/count-query.ts), so the plans shown are the plans
// the pages run. Reports are explained both ways: from the rollup (what the pages run) and from the
// leads (what they ran before it, and still run for field filters and searches).
import { desc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { leads } from "@/db/schema";
import { parseLeadParams, toLeadFilter, type SearchParams } from "@/lib/leads/filters";
import { leadWhere } from "@/lib/leads/lead-where";
import { countFromLeads, countQuery } from "@/lib/reports/count-query";
import { reportParamsSchema } from "@/lib/reports/report-params";
import type { BenchSeed } from "./seed";

const TZ = "America/Chicago";
type Query = { toSQL(): { sql: string; params: unknown[] } };

export async function explainPlans(database: Database, seed: BenchSeed) {
  if (database.kind !== "pg") return;
  const lists: Array<[string, SearchParams]> = [
    ["leads, last 7 days", {}],
    ["leads, search by email", { range: "all", q: seed.sample.email }],
    ["leads, search by name", { range: "all", q: "mary brown" }],
    ["leads, search by a common first name", { range: "all", q: "elizabeth" }],
    ["leads, search by last name, no accent", { range: "all", q: "hernandez" }],
    ["leads, search by full name", { range: "all", q: "Hernández Elizabeth" }],
    ["leads, search by a name no lead has", { range: "all", q: "zzyzx" }],
    ["leads, batch leads of a source", { range: "all", source: seed.sourceIds[0]!, batch: "1" }],
  ];
  for (const [label, params] of lists) {
    const where = leadWhere(seed.accountId, toLeadFilter(parseLeadParams(params)!, TZ));
    await explain(database, label, database.db.select({ id: leads.id }).from(leads).where(where).orderBy(desc(leads.submittedAt), desc(leads.id)).limit(51));
  }
  const reports: Array<[string, SearchParams]> = [
    ["report, last 30 days by day", { range: "last_30_days", group: "day" }],
    ["report, last 30 days by reason for a flow", { range: "last_30_days", group: "reason", flow: seed.flowIds[0]! }],
    ["report, all time by source", { range: "all", group: "source" }],
  ];
  for (const [label, params] of reports) {
    const parsed = reportParamsSchema.parse(params);
    const options = { accountId: seed.accountId, filter: toLeadFilter(parsed, TZ), groupBy: parsed.group, timeZone: TZ };
    await explain(database, `${label}, from the rollup (the page's query)`, countQuery(database.db, options));
    await explain(database, `${label}, from the leads (before the rollup)`, countFromLeads(database.db, options));
  }
}

async function explain(database: Database & { kind: "pg" }, label: string, query: Query) {
  const { sql: text, params: values } = query.toSQL();
  const { rows } = await database.pool.query(`explain (analyze, buffers) ${text}`, values);
  const plan = rows.map((r: Record<string, string>) => r["QUERY PLAN"]!);
  console.log(`\n${label}:\n${plan.filter((l) => /Scan|Execution Time|Sort|Aggregate|Limit/.test(l)).map((l) => `    ${l.trim()}`).join("\n")}`);
}
