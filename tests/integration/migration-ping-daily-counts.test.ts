import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flowConfigSchema } from "@/lib/flow/model";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0010_ping_daily_counts", () => {
  it("adds an empty ping_daily_counts table; flows saved before read with no ping limits", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0009_delivery_attempts");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into flows (id, account_id, name, config)
        values ('f00000000000000000000001', 'a00000000000000000000001', 'Old flow', '{"caps":[{"id":"c","limit":5,"period":"day"}],"steps":[]}')`);

      await finish();

      const [flow] = await rows(sql`select config from flows`);
      const config = flowConfigSchema.parse(flow!.config);
      expect(config.pingLimits).toBeUndefined();
      expect(config.caps).toEqual([{ id: "c", limit: 5, period: "day", ruleSet: { op: "and", rules: [] } }]);
      expect(await rows(sql`select count(*)::int as n from ping_daily_counts`)).toEqual([{ n: 0 }]);
      const count = sql`insert into ping_daily_counts (account_id, day, flow_id, source_id, outcome, count)
        values ('a00000000000000000000001', '2026-12-06', 'f00000000000000000000001', 's00000000000000000000001', 'success', 1)
        on conflict (account_id, day, flow_id, source_id, outcome) do update set count = ping_daily_counts.count + 1`;
      await db.execute(count);
      await db.execute(count);
      expect(await rows(sql`select count::int as n from ping_daily_counts`)).toEqual([{ n: 2 }]);
    } finally {
      await drop();
    }
  });
});
