import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

describe("migration 0012_uploads", () => {
  it("keeps imports and their files made before it, and takes resumable uploads of the sources they had", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0011_import_notifications");
    try {
      const db = database.db;
      const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into flows (id, account_id, name, config) values ('f00000000000000000000001', 'a00000000000000000000001', 'Old flow', '{"steps":[]}')`);
      await db.execute(sql`insert into sources (id, account_id, flow_id, name, config, api_key_hash, docs_token_nonce, docs_token_hash)
        values ('s00000000000000000000001', 'a00000000000000000000001', 'f00000000000000000000001', 'Old source', '{}', 'h', 'n', 'd')`);
      await db.execute(sql`insert into imports (id, account_id, flow_id, source_id, status, settings, bytes)
        values ('i00000000000000000000001', 'a00000000000000000000001', 'f00000000000000000000001', 's00000000000000000000001', 'staged', '{}', 9)`);
      await db.execute(sql`insert into import_files (import_id, seq, bytes) values ('i00000000000000000000001', 0, '\\x656d61696c0a612e62')`);

      await finish();

      expect(await rows(sql`select id, status, bytes from imports`)).toEqual([{ id: "i00000000000000000000001", status: "staged", bytes: 9 }]);
      expect(await rows(sql`select encode(bytes, 'escape') as text from import_files`)).toEqual([{ text: "email\na.b" }]);
      await db.execute(sql`insert into uploads (id, account_id, flow_id, source_id, upload_length, metadata)
        values ('u00000000000000000000001', 'a00000000000000000000001', 'f00000000000000000000001', 's00000000000000000000001', 5, '{"filename":"a.csv"}')`);
      await db.execute(sql`insert into upload_pieces (upload_id, start, bytes) values ('u00000000000000000000001', 0, '\\x6869')`);
      expect(await rows(sql`select upload_length::int as length, upload_offset::int as "offset", import_id, error from uploads`)).toEqual([{ length: 5, offset: 0, import_id: null, error: null }]);
      // Deleting the source takes its unfinished uploads and their pieces with it.
      await db.execute(sql`delete from sources where id = 's00000000000000000000001'`);
      expect(await rows(sql`select count(*)::int as n from upload_pieces`)).toEqual([{ n: 0 }]);
    } finally {
      await drop();
    }
  });
});
