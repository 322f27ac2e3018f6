import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0009_delivery_attempts", () => {
  it("adds an empty delivery_attempts table and leaves existing flows and leads as they were", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0008_accounts_people");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: unknown[] }).rows;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into flows (id, account_id, name, config)
        values ('f00000000000000000000001', 'a00000000000000000000001', 'Old flow', '{"steps":[{"id":"r","type":"recipient","url":"https://buyer.example.com/"}]}')`);

      await finish();

      expect(await rows(sql`select id, config -> 'steps' -> 0 ->> 'url' as url from flows`)).toEqual([{ id: "f00000000000000000000001", url: "https://buyer.example.com/" }]);
      expect(await rows(sql`select count(*)::int as n from delivery_attempts`)).toEqual([{ n: 0 }]);
      await db.execute(sql`insert into delivery_attempts (idempotency_key, lead_id, step_id) values ('l-r', 'l00000000000000000000001', 'r')`);
      expect(await rows(sql`select status, outcome, answered_at from delivery_attempts`)).toEqual([{ status: "sending", outcome: null, answered_at: null }]);
      await expect(db.execute(sql`insert into delivery_attempts (idempotency_key, lead_id, step_id) values ('l-r', 'l00000000000000000000002', 'r')`)).rejects.toThrow();
    } finally {
      await drop();
    }
  });
});
