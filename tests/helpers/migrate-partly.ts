// A database migrated only up to a given migration, to test later migrations on data in the old
// shape: the migrator reads a copy of drizzle/ whose journal stops at that tag, then the real folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { inject } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "./test-database";

type Journal = { entries: { tag: string }[] };

async function migrateFrom(database: Database, migrationsFolder: string) {
  if (database.kind === "pglite") await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder });
  else await migratePg(drizzlePg({ client: database.pool }), { migrationsFolder });
}

/** A fresh database with every migration up to and including `lastTag`; `finish()` applies the rest. */
export async function databaseMigratedUpTo(lastTag: string): Promise<{ database: Database; finish(): Promise<void>; drop(): Promise<void> }> {
  const { database, testDatabase } = await openTestDatabase("lp_migrate", "empty", inject("databaseTemplates"));
  const folder = mkdtempSync(join(tmpdir(), "leadport-migrations-"));
  try {
    cpSync(join(process.cwd(), "drizzle"), folder, { recursive: true });
    const journalPath = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    if (last < 0) throw new Error(`no migration ${lastTag}`);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
    await migrateFrom(database, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    database,
    finish: () => migrateFrom(database, join(process.cwd(), "drizzle")),
    drop: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
}

/**
 * Rows read after a migration, cut back to what they held before it: later migrations may add
 * columns (and keys inside a jsonb row), and what existed before must be unchanged.
 */
export function asBefore(rowsAfter: Array<Record<string, unknown>>, rowsBefore: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return rowsAfter.map((row, i) =>
    Object.fromEntries(
      Object.entries(row).map(([column, value]) => {
        const was = rowsBefore[i]?.[column] as Record<string, unknown> | undefined;
        if (!was || typeof value !== "object" || value === null) return [column, value];
        return [column, Object.fromEntries(Object.keys(was).map((key) => [key, (value as Record<string, unknown>)[key]]))];
      }),
    ),
  );
}
