import "server-only";
import { count } from "drizzle-orm";
import { getDatabase } from "@/db";
import { applyMigrations } from "@/db/migrations";
import { accounts } from "@/db/schema";
import { seedDemo, type SeedResult } from "@/db/seed-demo";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/secret";

// Runs once per app process before it serves requests (instrumentation.ts).
// Migrations apply on start in development and on PGlite; production deploys run `npm run db:migrate`.
// An empty database gets the demo data unless this is a production deploy on PostgreSQL.
export async function startServer(): Promise<void> {
  appSecret(env); // fail at start, not on the first docs link, when a production secret is missing
  const database = getDatabase();
  const migrate = env.MIGRATE_ON_START ?? (env.NODE_ENV !== "production" || database.kind === "pglite");
  if (migrate) await applyMigrations(database);
  const seedAllowed = env.SEED_DEMO ?? !(env.NODE_ENV === "production" && database.kind === "pg");
  if (seedAllowed && (await isEmpty())) {
    const result = await seedDemo(database.db, { secret: appSecret(env), appUrl: env.APP_URL, password: env.DEMO_PASSWORD });
    printDemoLogin(result);
  }
}

async function isEmpty(): Promise<boolean> {
  const [row] = await getDatabase().db.select({ n: count() }).from(accounts);
  return Number(row?.n ?? 0) === 0;
}

function printDemoLogin(result: SeedResult) {
  const lines = [
    "Leadport demo data created.",
    `  Sign in at ${env.APP_URL}/login`,
    `  email:    ${result.accountHolder.email}`,
    `  password: ${result.accountHolder.password ?? "(set earlier)"}`,
    ...result.flows.flatMap((f) => f.sources.map((s) => `  ${f.name} / ${s.name}: docs ${s.docsUrl}  API key ${s.apiKey}`)),
  ];
  console.log(lines.join("\n"));
}
