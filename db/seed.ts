// `npm run db:seed`: create the demo data if missing and print, as one JSON object on stdout, what a
// script needs to drive the demo. Secrets appear only on the run that created them.
import { applyMigrations } from "./migrations";
import { openScriptDatabase } from "./script-env";
import { seedDemo } from "./seed-demo";

const { env, database, secret } = openScriptDatabase();
try {
  await applyMigrations(database);
  const result = await seedDemo(database.db, { secret, appUrl: env.APP_URL, password: env.DEMO_PASSWORD });
  process.stdout.write(JSON.stringify(result) + "\n");
} finally {
  await database.close();
}
