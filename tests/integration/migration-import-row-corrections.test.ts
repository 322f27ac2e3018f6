import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryOf, readRows } from "@/lib/imports/stage/staged-rows";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

// The migration that lets staged rows be corrected in place (issue #16) adds nullable columns only:
// rows staged before it read back as they were, uncorrected.
describe("migration 0015_import_row_corrections", () => {
  it("keeps rows staged before it, with their problems and no corrections", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0014_lead_events_in_row");
    try {
      const db = database.db;
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000001', 'Old account')`);
      await db.execute(sql`insert into imports (id, account_id, status, settings, invalid_rows)
        values ('i00000000000000000000001', 'a00000000000000000000001', 'validated', '{}', 1)`);
      await db.execute(sql`insert into import_rows (import_id, line, fields, problems, duplicate_of_line) values
        ('i00000000000000000000001', 2, '["Ann","TX"]', null, null),
        ('i00000000000000000000001', 3, '["Cy","XX"]', '[{"field":"state","value":"XX","reason":"State must be valid"}]', null)`);

      await finish();

      const rows = await readRows(queryOf(database), "i00000000000000000000001", 0, 10);
      expect(rows.map((r) => [r.line, r.fields, r.problems?.[0]?.reason ?? null, r.corrected])).toEqual([
        [2, ["Ann", "TX"], null, undefined],
        [3, ["Cy", "XX"], "State must be valid", undefined],
      ]);
      const columns = (await db.execute(sql`select corrections, corrected_by, corrected_at from import_rows where line = 3`)) as unknown as { rows: unknown[] };
      expect(columns.rows).toEqual([{ corrections: null, corrected_by: null, corrected_at: null }]);
    } finally {
      await drop();
    }
  });
});
