import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo, asBefore } from "../helpers/migrate-partly";

const A = "a00000000000000000000001";
const F = "f00000000000000000000001";
const S = "s00000000000000000000001";
const I = "i00000000000000000000001";

const events = (steps: string[]) => JSON.stringify(steps.map((step, position) => ({ position, step, outcome: "success", reason: null, durationMs: position + 0.5 })));

// Leads of three months (one on a month's last second, UTC), two of an import, one real-time, with
// step results, in an account on New York time whose report rollup already counts them, and a
// report link: the database as it was before migration 0018.
const oldShape = [
  sql`insert into accounts (id, name, time_zone) values (${A}, 'Old account', 'America/New_York')`,
  sql`insert into flows (id, account_id, name, config) values (${F}, ${A}, 'Old flow', '{"steps":[]}')`,
  sql`insert into sources (id, account_id, flow_id, name, config, api_key_hash, docs_token_nonce, docs_token_hash)
    values (${S}, ${A}, ${F}, 'Old source', '{}', 'k', 'n', 'h')`,
  sql`insert into imports (id, account_id, flow_id, source_id, file_name, status, settings, rows, processed_rows, success_count, failure_count, last_line, last_lead_id)
    values (${I}, ${A}, ${F}, ${S}, 'old.csv', 'completed', '{}', 2, 2, 1, 1, 3, 'l00000000000000000000002')`,
  sql`insert into import_rows (import_id, line, fields) values (${I}, 2, '["a@example.com"]'), (${I}, 3, '["b@example.com"]')`,
  sql`insert into report_links (id, account_id, name, token_nonce, token_hash, scope)
    values ('r00000000000000000000001', ${A}, 'Partner', 'nonce', 'hash', ${JSON.stringify({ flowIds: [F], sourceIds: [S] })})`,
  sql`insert into leads (id, account_id, flow_id, source_id, import_id, import_line, submitted_at, raw, normalized, outcome, reason, price, is_batch_lead, email, search_keys, events)
    values
      ('l00000000000000000000001', ${A}, ${F}, ${S}, ${I}, 2, '2026-09-30T23:59:59Z', '{"email":"a@example.com"}', '{"email":{"raw":"a@example.com"}}', 'success', null, 12.5, true, 'a@example.com', '{e:a@example.com}', ${events(["acceptance criteria", "1. Deliver"])}),
      ('l00000000000000000000002', ${A}, ${F}, ${S}, ${I}, 3, '2026-10-01T00:00:00Z', '{"email":"b@example.com"}', '{}', 'failure', 'duplicate', 0, true, 'b@example.com', '{}', ${events(["acceptance criteria", "1. Duplicate check"])}),
      ('l00000000000000000000003', ${A}, ${F}, ${S}, null, null, '2026-12-02T23:59:59Z', '{}', '{}', 'error', 'Flow is disabled', 3.25, false, null, '{}', '[]'),
      ('l00000000000000000000004', ${A}, ${F}, ${S}, null, null, '2024-02-29T12:00:00Z', '{}', '{}', 'success', null, 1, false, null, '{}', ${events(["acceptance criteria"])})`,
];

type Row = Record<string, unknown>;

describe("migration 0018_leads_partitioned", () => {
  it("moves every lead with its step results into month partitions, keeps imports, report links and report totals, and lines stay exactly once", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0017_delivery_holds");
    try {
      const rows = async (query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
      for (const statement of oldShape) await database.db.execute(statement);
      const snapshot = async () => ({
        leads: await rows(sql`select to_jsonb(l) as lead from leads l order by id`),
        imports: await rows(sql`select to_jsonb(i) as import from imports i order by id`),
        links: await rows(sql`select to_jsonb(r) as link from report_links r order by id`),
        totals: await rows(sql`select day::text, flow_id, source_id, import_id, outcome::text, reason, is_batch_lead, sum(count)::int as n, sum(cost)::float8 as cost
          from lead_daily_counts group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`),
      });
      const before = await snapshot();
      expect(before.totals).toHaveLength(4);

      await finish();

      // Later migrations may add columns; what existed before must be unchanged (asBefore).
      const after = await snapshot();
      expect({ ...after, leads: asBefore(after.leads, before.leads), imports: asBefore(after.imports, before.imports), links: asBefore(after.links, before.links) }).toEqual(before);
      expect((before.leads[0]!.lead as Row).events).toHaveLength(2);

      // Each lead sits in its month's partition (UTC), plus partitions for this month and the next.
      const where = await rows(sql`select l.id, l.tableoid::regclass::text as part from leads l order by id`);
      expect(where).toEqual([
        { id: "l00000000000000000000001", part: "leads_2026_09" },
        { id: "l00000000000000000000002", part: "leads_2026_10" },
        { id: "l00000000000000000000003", part: "leads_2026_12" },
        { id: "l00000000000000000000004", part: "leads_2024_02" },
      ]);
      const partitions = (await rows(sql`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'leads'::regclass order by 1`)).map((r) => r.relname);
      const month = (d: Date) => `leads_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
      const now = new Date();
      expect(partitions).toEqual(expect.arrayContaining(["leads_2024_02", "leads_2026_09", "leads_2026_10", "leads_2026_12", "leads_default", month(now), month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)))]));

      // The import's lines moved to import_lines; a second lead for a line still fails.
      expect(await rows(sql`select import_id, line, lead_id, submitted_at::text from import_lines order by line`)).toEqual([
        { import_id: I, line: 2, lead_id: "l00000000000000000000001", submitted_at: "2026-09-30 23:59:59+00" },
        { import_id: I, line: 3, lead_id: "l00000000000000000000002", submitted_at: "2026-10-01 00:00:00+00" },
      ]);
      await expect(
        database.db.execute(sql`insert into leads (id, account_id, flow_id, source_id, import_id, import_line, raw, normalized, outcome)
          values ('l00000000000000000000005', ${A}, ${F}, ${S}, ${I}, 3, '{}', '{}', 'success')`),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23505" }) });
      expect(await rows(sql`select count(*)::int as n from leads`)).toEqual([{ n: 4 }]);

      // The rollup counts new leads on the partitioned table, once.
      await database.db.execute(sql`insert into leads (id, account_id, flow_id, source_id, import_id, import_line, submitted_at, raw, normalized, outcome, price)
        values ('l00000000000000000000006', ${A}, ${F}, ${S}, ${I}, 4, '2026-12-03T12:00:00Z', '{}', '{}', 'success', 2)`);
      expect(await rows(sql`select sum(count)::int as n, sum(cost)::float8 as cost from lead_daily_counts where day = '2026-12-03'`)).toEqual([{ n: 1, cost: 2 }]);
      expect(await rows(sql`select lead_id from import_lines where import_id = ${I} and line = 4`)).toEqual([{ lead_id: "l00000000000000000000006" }]);
    } finally {
      await drop();
    }
  });
});
