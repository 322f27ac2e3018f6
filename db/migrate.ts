// `npm run db:migrate`: apply committed migrations; the deploy step before starting new app processes.
import { applyMigrations } from "./migrations";
import { openScriptDatabase } from "./script-env";

const { database } = openScriptDatabase();
try {
  await applyMigrations(database);
  console.error(`migrations applied (${database.kind})`);
} finally {
  await database.close();
}
