import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0017_delivery_holds", () => {
  it("leaves existing dedupe claims and cap counts as saved claims (not held) and adds an empty cap_holds", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0016_import_summary_counts");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: unknown[] }).rows;
      await db.execute(sql`insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
        values ('f1', 'd', 'h1', 'l1', '2026-01-01T00:00:00Z')`);
      await db.execute(sql`insert into cap_counters (cap_key, period_start, count) values ('flow:f1:cap:x', '2026-01-01T00:00:00Z', 3)`);

      await finish();

      expect(await rows(sql`select lead_id, held_by, held_until from dedupe_keys`)).toEqual([{ lead_id: "l1", held_by: null, held_until: null }]);
      expect(await rows(sql`select count from cap_counters`)).toEqual([{ count: 3 }]);
      expect(await rows(sql`select count(*)::int as n from cap_holds`)).toEqual([{ n: 0 }]);
      await db.execute(sql`insert into cap_holds (cap_key, period_start, holder, held_until) values ('flow:f1:cap:x', '2026-01-01T00:00:00Z', 'l2', now())`);
      await expect(
        db.execute(sql`insert into cap_holds (cap_key, period_start, holder, held_until) values ('flow:f1:cap:x', '2026-01-01T00:00:00Z', 'l2', now())`),
      ).rejects.toThrow();
    } finally {
      await drop();
    }
  });
});
