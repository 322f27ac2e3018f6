// A database of its own for one test file: a fresh PostgreSQL database when DATABASE_URL is set
// (created here, dropped afterwards), otherwise an in-memory PGlite.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type TestDatabase = { url?: string; dataDir: string; drop(): Promise<void> };

export async function createTestDatabase(prefix = "lp_test"): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) return { dataDir: "memory://", drop: async () => {} };
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: "memory://",
    drop: () => adminQuery(base, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
