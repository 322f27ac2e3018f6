import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0008_accounts_people", () => {
  it("makes every existing account holder an owner and keeps their password and sessions", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0007_import_files_lz4");
    try {
      const db = database.db;
      // db.execute's result is typed per driver; both drivers give rows.
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: unknown[] }).rows;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into account_holders (id, account_id, email, name, password_hash)
        values ('h00000000000000000000001', 'a00000000000000000000001', 'old@example.com', 'Old Owner', 'scrypt$16384$8$1$c2FsdA$aGFzaA')`);
      await db.execute(sql`insert into sessions (token_hash, account_holder_id, expires_at)
        values ('hash-1', 'h00000000000000000000001', now() + interval '1 day')`);

      await finish();

      const holders = await rows(sql`select email, role, password_hash, last_sign_in_at from account_holders`);
      expect(holders).toEqual([
        { email: "old@example.com", role: "owner", password_hash: "scrypt$16384$8$1$c2FsdA$aGFzaA", last_sign_in_at: null },
      ]);
      const sessions = await rows(sql`select token_hash, user_agent, client_address from sessions`);
      expect(sessions).toEqual([{ token_hash: "hash-1", user_agent: "", client_address: "" }]);
      const audit = await rows(sql`select count(*)::int as n from audit_events`);
      expect(audit).toEqual([{ n: 0 }]);
    } finally {
      await drop();
    }
  });
});
