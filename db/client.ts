// Opens the one database Leadport talks to: PostgreSQL through a pg Pool when DATABASE_URL is set,
// otherwise embedded PGlite stored on disk. Same schema, same migrations, same queries on both.
// No server-only here: migrate, seed and worker scripts open the database through this file too.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database =
  | { kind: "pg"; db: Db; pool: pg.Pool; close(): Promise<void> }
  | { kind: "pglite"; db: Db; pglite: PGlite; close(): Promise<void> };

export type DatabaseOptions = { url?: string; dataDir: string; poolMax?: number };

// node-postgres returns numeric/bigint as strings; count(*) is bigint. Read int8 as a JS number
// (safe below 2^53, far above any row count we keep).
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { kind: "pg", db, pool, close: () => pool.end() };
  }
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  return pgliteDatabase(new PGlite(options.dataDir));
}

/** Wraps an open PGlite (tests start theirs from a dumped data directory instead of initdb). */
export function pgliteDatabase(pglite: PGlite): Database {
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { kind: "pglite", db, pglite, close: () => pglite.close() };
}
