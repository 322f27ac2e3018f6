// EXPLAIN ANALYZE of the queries behind the Leads view and reports, built by the same filter -> SQL
// builder the app uses (lib/leads/lead-where.ts), so the plans shown are the plans the pages run.
import { desc, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { leads } from "@/db/schema";
import { parseLeadParams, toLeadFilter, type SearchParams } from "@/lib/leads/filters";
import { leadWhere } from "@/lib/leads/lead-where";
import type { BenchSeed } from "./seed";

export async function explainPlans(database: Database, seed: BenchSeed) {
  if (database.kind !== "pg") return;
  const cases: Array<[string, SearchParams, "list" | "report"]> = [
    ["leads, last 7 days", {}, "list"],
    ["leads, search by email", { range: "all", q: seed.sample.email }, "list"],
    ["leads, search by name", { range: "all", q: "mary brown" }, "list"],
    ["leads, batch leads of a source", { range: "all", source: seed.sourceIds[0]!, batch: "1" }, "list"],
    ["report, last 30 days by day", { range: "last_30_days" }, "report"],
  ];
  for (const [label, params, kind] of cases) {
    const where = leadWhere(seed.accountId, toLeadFilter(parseLeadParams(params)!, "America/Chicago"));
    const query =
      kind === "list"
        ? database.db.select({ id: leads.id }).from(leads).where(where).orderBy(desc(leads.submittedAt), desc(leads.id)).limit(51)
        : database.db
            .select({ day: sql`date_trunc('day', ${leads.submittedAt}, 'America/Chicago')`, outcome: leads.outcome, n: sql`count(*)`, cost: sql`sum(${leads.price})` })
            .from(leads)
            .where(where)
            .groupBy(sql`1`, sql`2`);
    const { sql: text, params: values } = query.toSQL();
    const { rows } = await database.pool.query(`explain (analyze, buffers) ${text}`, values);
    const plan = rows.map((r: Record<string, string>) => r["QUERY PLAN"]!);
    console.log(`\n${label}:\n${plan.filter((l) => /Scan|Execution Time|Sort|Aggregate|Limit/.test(l)).map((l) => `    ${l.trim()}`).join("\n")}`);
  }
}
