// Runs before every integration test file: give the file its own database, migrated, and point
// the app's database module at it. On PostgreSQL it is a copy of the run's migrated template; on
// PGlite it starts from the run's dumped migrated data directory (tests/integration/global-setup.ts).
import { afterAll, inject } from "vitest";
import { openTestDatabase } from "../helpers/test-database";

process.env.LEADPORT_SECRET ??= "integration-test-secret-0123456789abcdef";
const { database, testDatabase } = await openTestDatabase("lp_test", "migrated", inject("databaseTemplates"));
if (testDatabase.url) process.env.DATABASE_URL = testDatabase.url;
else {
  delete process.env.DATABASE_URL;
  process.env.LEADPORT_DATA_DIR = testDatabase.dataDir;
}
// The app's database module opens its database on first use; hand it this one. Migrations are
// applied again only if the template lacks one (a no-op otherwise).
(globalThis as { leadportDatabase?: unknown }).leadportDatabase = database;
const { applyMigrations } = await import("@/db/migrations");
await applyMigrations(database);

afterAll(async () => {
  await database.close();
  (globalThis as { leadportDatabase?: unknown }).leadportDatabase = undefined;
  await testDatabase.drop();
});
