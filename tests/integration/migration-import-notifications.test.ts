import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0011_import_notifications", () => {
  it("keeps accounts, sources and imports made before it, with no webhook and no starter", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0010_ping_daily_counts");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into flows (id, account_id, name, config) values ('f00000000000000000000001', 'a00000000000000000000001', 'Old flow', '{"steps":[]}')`);
      await db.execute(sql`insert into sources (id, account_id, flow_id, name, config, api_key_hash, docs_token_nonce, docs_token_hash)
        values ('s00000000000000000000001', 'a00000000000000000000001', 'f00000000000000000000001', 'Old source', '{}', 'h', 'n', 'd')`);
      await db.execute(sql`insert into imports (id, account_id, source_id, status, settings, success_count)
        values ('i00000000000000000000001', 'a00000000000000000000001', 's00000000000000000000001', 'completed', '{}', 7)`);

      await finish();

      expect(await rows(sql`select name, import_webhook_url, import_webhook_nonce from accounts`)).toEqual([
        { name: "Old account", import_webhook_url: null, import_webhook_nonce: null },
      ]);
      expect(await rows(sql`select name, import_webhook_url from sources`)).toEqual([{ name: "Old source", import_webhook_url: null }]);
      expect(await rows(sql`select status, success_count, started_by from imports`)).toEqual([{ status: "completed", success_count: 7, started_by: null }]);
      // An import that ended before the migration announces nothing afterwards.
      expect(await rows(sql`select count(*)::int as n from import_notifications`)).toEqual([{ n: 0 }]);
    } finally {
      await drop();
    }
  });
});
