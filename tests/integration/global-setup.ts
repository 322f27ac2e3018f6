// Builds the databases every integration test file starts from, once per run instead of once per
// file: on PGlite, initdb alone costs about 3 s of CPU in WASM, and loading a dumped data directory
// about 0.5 s; on PostgreSQL, copying a migrated template database is faster than migrating.
// Each file still gets a database of its own (tests/integration/setup-database.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase, pgliteDatabase } from "@/db/client";
import { applyMigrations } from "@/db/migrations";
import { adminQuery, databaseUrlNamed, type DatabaseTemplates } from "../helpers/test-database";

export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString("hex");
  const base = process.env.DATABASE_URL;
  if (base) {
    const template = `lp_template_${run}`;
    await adminQuery(base, `create database ${template}`);
    const database = openDatabase({ url: databaseUrlNamed(base, template), dataDir: "memory://", poolMax: 1 });
    await applyMigrations(database);
    await database.close();
    project.provide("databaseTemplates", { migrated: template } satisfies DatabaseTemplates);
    return () => adminQuery(base, `drop database if exists ${template} with (force)`);
  }

  const templates = join(process.cwd(), ".data", "test-templates");
  removeStale(templates);
  const folder = join(templates, run);
  mkdirSync(folder, { recursive: true });
  const pglite = new PGlite();
  await pglite.waitReady;
  const empty = join(folder, "empty.tar");
  writeFileSync(empty, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await applyMigrations(pgliteDatabase(pglite));
  const migrated = join(folder, "migrated.tar");
  writeFileSync(migrated, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  project.provide("databaseTemplates", { empty, migrated } satisfies DatabaseTemplates);
  return () => rmSync(folder, { recursive: true, force: true });
}

/** Dumps of runs that were killed before their teardown (about 80 MB each); a day old is surely no one's. */
function removeStale(templates: string) {
  if (!existsSync(templates)) return;
  for (const name of readdirSync(templates)) {
    const path = join(templates, name);
    if (Date.now() - statSync(path).mtimeMs > 24 * 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}
