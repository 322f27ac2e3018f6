// `npm run -s account:link -- --email someone@example.com`: a new setup link (no password chosen yet)
// or reset link (everyone else) for a person, when nobody can make one in the app. Prints one JSON
// line; earlier unused links of that kind stop working. The token exists nowhere else.
import { parseArgs } from "node:util";
import { applyMigrations } from "@/db/migrations";
import { openScriptDatabase } from "@/db/script-env";
import { makeAccountLink } from "@/lib/accounts/account-link";

const USAGE = "Usage: npm run -s account:link -- --email someone@example.com";

function readEmail(): string | null {
  try {
    const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true, allowPositionals: false });
    return values.email || null;
  } catch {
    return null;
  }
}

const email = readEmail();
if (email === null) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const { env, database } = openScriptDatabase();
try {
  await applyMigrations(database);
  const result = await makeAccountLink(database.db, { email, appUrl: env.APP_URL });
  if (result.status === "ok") {
    const { kind, url } = result;
    process.stdout.write(JSON.stringify({ email: result.email, kind, url }) + "\n");
  } else {
    process.stderr.write(`account:link: ${result.message}\n`);
    process.exitCode = result.status === "invalid" ? 2 : 1;
  }
} finally {
  await database.close();
}
