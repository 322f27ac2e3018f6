// A database of its own for one test file: a fresh PostgreSQL database when DATABASE_URL is set
// (created here, dropped afterwards), otherwise an in-memory PGlite.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, pgliteDatabase, type Database } from "@/db/client";

export type TestDatabase = { url?: string; dataDir: string; drop(): Promise<void> };

/**
 * What the integration project's global setup prepared (tests/integration/global-setup.ts): on
 * PostgreSQL the name of a migrated template database; on PGlite dumped data directories, fresh
 * from initdb (`empty`) and migrated.
 */
export type DatabaseTemplates = { migrated: string; empty?: string };

/** A new database; on PostgreSQL a copy of `template` when given (the server's template1 otherwise). */
export async function createTestDatabase(prefix = "lp_test", template?: string): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) return { dataDir: "memory://", drop: async () => {} };
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(base, template ? `create database ${name} template ${template}` : `create database ${name}`);
  return {
    url: databaseUrlNamed(base, name),
    dataDir: "memory://",
    drop: () => adminQuery(base, `drop database if exists ${name} with (force)`),
  };
}

/**
 * Opens a new test database, starting from one of the global setup's templates when there is one:
 * `migrated` (every migration applied) or `empty` (as initdb left it; PostgreSQL's own template1).
 */
export async function openTestDatabase(
  prefix: string,
  start: "migrated" | "empty",
  templates: DatabaseTemplates | undefined,
): Promise<{ database: Database; testDatabase: TestDatabase }> {
  if (process.env.DATABASE_URL) {
    const testDatabase = await createTestDatabase(prefix, start === "migrated" ? templates?.migrated : undefined);
    return { database: openDatabase({ url: testDatabase.url, dataDir: testDatabase.dataDir }), testDatabase };
  }
  const dump = templates?.[start];
  const testDatabase = await createTestDatabase(prefix);
  const database = dump
    ? pgliteDatabase(new PGlite({ loadDataDir: new Blob([readFileSync(dump)]) }))
    : openDatabase({ dataDir: testDatabase.dataDir });
  return { database, testDatabase };
}

export function databaseUrlNamed(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
