// `npm run -s account:create -- --email owner@example.com --name "Acme Leads" [--time-zone America/New_York]`:
// the first account on an install. Prints one JSON line with the owner's setup link (valid 24 hours,
// once); the token exists nowhere else, only its hash is stored.
import { parseArgs } from "node:util";
import { applyMigrations } from "@/db/migrations";
import { openScriptDatabase } from "@/db/script-env";
import { createAccountWithSetupLink } from "@/lib/accounts/create-account";

const USAGE = 'Usage: npm run -s account:create -- --email owner@example.com --name "Acme Leads" [--time-zone America/New_York]';

function readArguments(): { email: string; name: string; timeZone?: string } | null {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, "time-zone": { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.email || !values.name) return null;
    return { email: values.email, name: values.name, timeZone: values["time-zone"] };
  } catch {
    return null;
  }
}

const args = readArguments();
if (!args) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const { env, database } = openScriptDatabase();
try {
  await applyMigrations(database);
  const result = await createAccountWithSetupLink(database.db, { ...args, appUrl: env.APP_URL });
  if (result.status === "ok") {
    const { accountId, email, setupUrl } = result;
    process.stdout.write(JSON.stringify({ accountId, email, setupUrl }) + "\n");
  } else {
    process.stderr.write(`account:create: ${result.message}\n`);
    process.exitCode = result.status === "invalid" ? 2 : 1;
  }
} finally {
  await database.close();
}
