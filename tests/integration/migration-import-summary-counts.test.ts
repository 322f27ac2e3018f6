import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { imports } from "@/db/schema";
import { reasonCountsOf } from "@/lib/imports/report/reason-counts";
import { readResults } from "@/lib/imports/report/report";
import { databaseMigratedUpTo } from "../helpers/migrate-partly";

// Migration 0016 (issue #14) adds imports.reason_counts and two partial indexes. An import that
// completed before it has no counts kept: its summary counts them on the first read and keeps them;
// its failed rows are found through the new indexes, as they were without them.
describe("migration 0016_import_summary_counts", () => {
  it("counts an import completed before it on the first read, and finds its failed rows", async () => {
    const { database, finish, drop } = await databaseMigratedUpTo("0015_import_row_corrections");
    try {
      const db = database.db;
      const id = "i00000000000000000000016";
      await db.execute(sql`insert into accounts (id, name) values ('a00000000000000000000016', 'Old account')`);
      await db.execute(sql`insert into imports (id, account_id, status, settings, mode, rows, invalid_rows, validated_rows, processed_rows, skipped_rows, success_count, failure_count, last_line, completed_at)
        values (${id}, 'a00000000000000000000016', 'completed', '{"header":true}', 'valid', 3, 1, 3, 3, 1, 1, 1, 4, now())`);
      await db.execute(sql`insert into import_rows (import_id, line, fields, problems) values
        (${id}, 2, '["a@b.co"]', null), (${id}, 3, '["c@d.co"]', null), (${id}, 4, '["x"]', '[{"field":"email","value":"x","reason":"Email must be valid"}]')`);
      await db.execute(sql`insert into leads (id, account_id, flow_id, source_id, import_id, import_line, raw, normalized, outcome, reason) values
        ('l00000000000000000000001', 'a00000000000000000000016', 'f1', 's1', ${id}, 2, '{}', '{}', 'success', null),
        ('l00000000000000000000002', 'a00000000000000000000016', 'f1', 's1', ${id}, 3, '{}', '{}', 'failure', 'Too old')`);

      await finish();

      const imp = (await db.select().from(imports).where(eq(imports.id, id)))[0]!;
      expect(imp.reasonCounts).toBeNull();
      const expected = [
        { outcome: "success", reason: "", count: 1 },
        { outcome: "failure", reason: "Too old", count: 1 },
        { outcome: "failure", reason: "Not imported: Email must be valid", count: 1 },
      ];
      // Equal counts come in no particular order.
      const sorted = (counts: typeof expected) => [...counts].sort((a, b) => a.reason.localeCompare(b.reason));
      expect(sorted(await reasonCountsOf(database, imp))).toEqual(sorted(expected));
      const kept = (await db.select().from(imports).where(eq(imports.id, id)))[0]!;
      expect(kept.reasonCounts).not.toBeNull();
      expect(sorted(await reasonCountsOf(database, kept))).toEqual(sorted(expected));
      const failed = await readResults(database, kept, { after: 0, limit: 10, outcome: "failure" });
      expect(failed.map((r) => [r.line, r.reason])).toEqual([
        [3, "Too old"],
        [4, "Not imported: Email must be valid"],
      ]);
    } finally {
      await drop();
    }
  });
});
