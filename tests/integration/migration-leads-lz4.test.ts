import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureLeadPartitions } from "@/lib/maintenance/lead-partitions";
import { databaseMigratedUpTo, asBefore } from "../helpers/migrate-partly";

const A = "a00000000000000000000001";
const F = "f00000000000000000000001";
const S = "s00000000000000000000001";

type Row = Record<string, unknown>;

// A lead row over 2 KB, as an import's are: PostgreSQL compresses its largest value, normalized.
const normalizedOf = (id: string) =>
  Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field_${i}`, { raw: `Value ${i} of lead ${id}`, value: `value ${i} of lead ${id}` }]));
const rawOf = (id: string) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Column ${i}`, `Value ${i} of lead ${id}`]));
const eventsOf = (id: string) => [{ position: 0, step: `acceptance criteria of ${id}`, outcome: "success", reason: null, durationMs: 0.5 }];

const insertLead = (id: string, at: string) =>
  sql`insert into leads (id, account_id, flow_id, source_id, submitted_at, raw, normalized, outcome, events)
    values (${id}, ${A}, ${F}, ${S}, ${at}, ${JSON.stringify(rawOf(id))}, ${JSON.stringify(normalizedOf(id))}, 'success', ${JSON.stringify(eventsOf(id))})`;

describe("migration 0019_leads_lz4", () => {
  it("stores new leads' jsonb with lz4 on PostgreSQL in every month, old and new, and reads stored leads back unchanged; on PGlite it changes nothing", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0018_leads_partitioned");
    try {
      const rows = async (query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
      const compressionOf = async (id: string) => (await rows(sql`select pg_column_compression(normalized) as c from leads where id = ${id}`))[0]?.c;
      const partitionOf = async (id: string) => (await rows(sql`select tableoid::regclass::text as part from leads where id = ${id}`))[0]?.part;

      await database.db.execute(sql`insert into accounts (id, name) values (${A}, 'Old account')`);
      await database.db.execute(sql`insert into flows (id, account_id, name, config) values (${F}, ${A}, 'Old flow', '{"steps":[]}')`);
      await database.db.execute(sql`insert into sources (id, account_id, flow_id, name, config, api_key_hash, docs_token_nonce, docs_token_hash)
        values (${S}, ${A}, ${F}, 'Old source', '{}', 'k', 'n', 'h')`);
      // A month partition made before the migration, and a lead waiting in leads_default (no partition for its month).
      await database.db.execute(sql`select leads_ensure_month('2026-10-15T00:00:00Z')`);
      await database.db.execute(insertLead("l00000000000000000000001", "2026-10-02T12:00:00Z"));
      await database.db.execute(insertLead("l00000000000000000000002", "2025-03-01T00:00:00Z"));
      expect(await partitionOf("l00000000000000000000001")).toBe("leads_2026_10");
      expect(await partitionOf("l00000000000000000000002")).toBe("leads_default");
      // Before the migration, a new lead's normalized is pglz on both engines.
      expect(await compressionOf("l00000000000000000000001")).toBe("pglz");
      expect(await compressionOf("l00000000000000000000002")).toBe("pglz");
      const before = await rows(sql`select to_jsonb(l) as lead from leads l order by id`);

      await finish();

      // Stored leads read back unchanged, and keep their pglz values: no rewrite.
      const after = await rows(sql`select to_jsonb(l) as lead from leads l where id in ('l00000000000000000000001', 'l00000000000000000000002') order by id`);
      expect(asBefore(after, before)).toEqual(before);
      expect(await compressionOf("l00000000000000000000001")).toBe("pglz");

      // New leads: in the month made before the migration, in leads_default, then in months the app
      // makes after it (ensureLeadPartitions): ahead (PARTITION OF), and for the months waiting in
      // leads_default (CREATE TABLE LIKE + ATTACH, their rows moved).
      await database.db.execute(insertLead("l00000000000000000000003", "2026-10-03T12:00:00Z"));
      await database.db.execute(insertLead("l00000000000000000000004", "2025-04-01T00:00:00Z"));
      expect(await partitionOf("l00000000000000000000004")).toBe("leads_default");
      const created = await ensureLeadPartitions(database.db, new Date("2031-05-10T00:00:00Z"));
      expect(created).toEqual(["leads_2031_05", "leads_2031_06", "leads_2025_03", "leads_2025_04"]);
      expect(await partitionOf("l00000000000000000000002")).toBe("leads_2025_03");
      await database.db.execute(insertLead("l00000000000000000000005", "2031-05-10T00:00:00Z"));
      await database.db.execute(insertLead("l00000000000000000000006", "2025-03-02T00:00:00Z"));
      await database.db.execute(insertLead("l00000000000000000000007", "2025-04-02T00:00:00Z"));
      expect(await partitionOf("l00000000000000000000005")).toBe("leads_2031_05");
      expect(await partitionOf("l00000000000000000000006")).toBe("leads_2025_03");

      const newLeads = ["3", "4", "5", "6", "7"].map((n) => `l0000000000000000000000${n}`);
      const lz4 = database.kind === "pg";
      for (const id of newLeads) expect({ id, compression: await compressionOf(id) }).toEqual({ id, compression: lz4 ? "lz4" : "pglz" });
      // A moved row keeps the compression it had.
      expect(await compressionOf("l00000000000000000000002")).toBe("pglz");

      // Every lead reads back as stored.
      const stored = await rows(sql`select id, raw, normalized, events from leads order by id`);
      const everyId = ["l00000000000000000000001", "l00000000000000000000002", ...newLeads];
      expect(stored).toEqual(everyId.map((id) => ({ id, raw: rawOf(id), normalized: normalizedOf(id), events: eventsOf(id) })));

      // The parent and every partition, whichever way it was made: lz4 on PostgreSQL, the default on PGlite.
      const settings = await rows(sql`select c.relname as table, a.attname as column, a.attcompression::text as compression
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where (c.oid = 'leads'::regclass or c.oid in (select inhrelid from pg_inherits where inhparent = 'leads'::regclass))
          and a.attname in ('raw', 'normalized', 'events')`);
      expect(settings.length).toBeGreaterThanOrEqual(3 * 8);
      for (const s of settings) expect(s).toEqual({ ...s, compression: lz4 ? "l" : "" });
    } finally {
      await drop();
    }
  });
});
