import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database, type Db } from "./client";

// One database per process. Kept on globalThis because Next bundles this module more than once
// (instrumentation, routes) and dev hot reloads re-evaluate it; PGlite must be opened only once.
const globalForDb = globalThis as unknown as { leadportDatabase?: Database };

export function getDatabase(): Database {
  globalForDb.leadportDatabase ??= openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.LEADPORT_DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  return globalForDb.leadportDatabase;
}

export const getDb = (): Db => getDatabase().db;

export type { Db, Database } from "./client";
