// Runs before every integration test file: give the file its own database, migrated, and point
// the app's database module at it (it reads the environment on first use).
import { afterAll } from "vitest";
import { createTestDatabase } from "../helpers/test-database";

process.env.LEADPORT_SECRET ??= "integration-test-secret-0123456789abcdef";
const testDatabase = await createTestDatabase();
if (testDatabase.url) process.env.DATABASE_URL = testDatabase.url;
else {
  delete process.env.DATABASE_URL;
  process.env.LEADPORT_DATA_DIR = testDatabase.dataDir;
}

const { getDatabase } = await import("@/db");
const { applyMigrations } = await import("@/db/migrations");
await applyMigrations(getDatabase());

afterAll(async () => {
  await getDatabase().close();
  (globalThis as { leadportDatabase?: unknown }).leadportDatabase = undefined;
  await testDatabase.drop();
});
