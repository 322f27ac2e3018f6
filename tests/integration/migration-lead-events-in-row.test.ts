import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timelineOf, type StoredEvent } from "@/lib/flow/lead-events";
import { databaseMigratedUpTo, asBefore } from "../helpers/migrate-partly";

const A = "a00000000000000000000001";
const F = "f00000000000000000000001";
const S = "s00000000000000000000001";
const I = "i00000000000000000000001";

// Leads with two, three and no step results, one of them run later than the lead was submitted,
// in an account on New York time whose report rollup already counts them.
const oldShape = [
  sql`insert into accounts (id, name, time_zone) values (${A}, 'Old account', 'America/New_York')`,
  sql`insert into flows (id, account_id, name, config) values (${F}, ${A}, 'Old flow', '{"steps":[]}')`,
  sql`insert into sources (id, account_id, flow_id, name, config, api_key_hash, docs_token_nonce, docs_token_hash)
    values (${S}, ${A}, ${F}, 'Old source', '{}', 'k', 'n', 'h')`,
  sql`insert into imports (id, account_id, flow_id, source_id, file_name, status, settings, rows, processed_rows, success_count, failure_count)
    values (${I}, ${A}, ${F}, ${S}, 'old.csv', 'completed', '{}', 2, 2, 1, 1)`,
  sql`insert into report_links (id, account_id, name, token_nonce, token_hash, scope)
    values ('r00000000000000000000001', ${A}, 'Partner', 'nonce', 'hash', ${JSON.stringify({ flowIds: [F], sourceIds: [S] })})`,
  sql`insert into leads (id, account_id, flow_id, source_id, import_id, import_line, submitted_at, raw, normalized, outcome, reason, price, is_batch_lead, email)
    values
      ('l00000000000000000000001', ${A}, ${F}, ${S}, ${I}, 2, '2026-12-01T04:30:00Z', '{"email":"a@example.com"}', '{"email":{"raw":"a@example.com"}}', 'success', null, 12.5, true, 'a@example.com'),
      ('l00000000000000000000002', ${A}, ${F}, ${S}, ${I}, 3, '2026-12-01T05:30:00Z', '{"email":"b@example.com"}', '{}', 'failure', 'duplicate', 0, true, 'b@example.com'),
      ('l00000000000000000000003', ${A}, ${F}, ${S}, null, null, '2026-12-02T23:59:59Z', '{}', '{}', 'error', 'Flow is disabled', 0, false, null)`,
  sql`insert into lead_events (lead_id, position, step, outcome, reason, duration_ms, created_at) values
      ('l00000000000000000000001', 0, 'acceptance criteria', 'success', null, 0.125, '2026-12-01T04:30:00Z'),
      ('l00000000000000000000001', 1, '1. Deliver', 'success', null, 812.5, '2026-12-01T04:30:07.25Z'),
      ('l00000000000000000000002', 1, '1. Duplicate check', 'failure', 'duplicate', 1.5, '2026-12-01T05:30:00Z'),
      ('l00000000000000000000002', 0, 'acceptance criteria', 'success', null, 0, '2026-12-01T05:30:00Z'),
      ('l00000000000000000000002', 2, '2. Filter', 'skip', 'Step criteria not met', 0.001, '2026-12-01T05:30:00Z')`,
];

type Row = Record<string, unknown>;

describe("migration 0014_lead_events_in_row", () => {
  it("moves every step result into its lead's row and leaves leads, imports, report links and report totals as they were", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0013_lead_search_keys");
    try {
      const rows = async (query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
      for (const statement of oldShape) await database.db.execute(statement);
      const snapshot = async () => ({
        leads: await rows(sql`select to_jsonb(l) - 'events' as lead from leads l order by id`),
        imports: await rows(sql`select to_jsonb(i) as import from imports i order by id`),
        links: await rows(sql`select to_jsonb(r) as link from report_links r order by id`),
        totals: await rows(sql`select day::text, flow_id, source_id, import_id, outcome::text, reason, is_batch_lead, sum(count)::int as n, sum(cost)::float8 as cost
          from lead_daily_counts group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`),
      });
      const before = await snapshot();
      expect(before.totals).toHaveLength(3);
      const events = await rows(sql`select lead_id, position, step, outcome::text as outcome, reason, duration_ms::float8 as duration_ms, created_at
        from lead_events order by lead_id, position`);

      await finish();

      // Later migrations may add columns; what existed before must be unchanged (asBefore).
      const after = await snapshot();
      expect({ ...after, leads: asBefore(after.leads, before.leads), imports: asBefore(after.imports, before.imports), links: asBefore(after.links, before.links) }).toEqual(before);
      expect(await rows(sql`select to_regclass('lead_events') as t`)).toEqual([{ t: null }]);
      const moved = await rows(sql`select id, submitted_at, events from leads order by id`);
      const timelines = moved.flatMap((lead) =>
        timelineOf(lead.events as StoredEvent[], new Date(lead.submitted_at as string)).map((e) => ({
          lead_id: lead.id,
          position: e.position,
          step: e.step,
          outcome: e.outcome,
          reason: e.reason,
          duration_ms: e.durationMs,
          created_at: e.ranAt.toISOString(),
        })),
      );
      expect(timelines).toEqual(events.map((e) => ({ ...e, created_at: new Date(e.created_at as string).toISOString() })));
      expect(moved.find((l) => l.id === "l00000000000000000000003")!.events).toEqual([]);
      // A lead saved after the migration starts with no events unless it brings them.
      await database.db.execute(sql`insert into leads (id, account_id, flow_id, source_id, raw, normalized, outcome) values ('l00000000000000000000004', ${A}, ${F}, ${S}, '{}', '{}', 'success')`);
      expect(await rows(sql`select events from leads where id = 'l00000000000000000000004'`)).toEqual([{ events: [] }]);
    } finally {
      await drop();
    }
  });
});
