import "server-only";
import { count } from "drizzle-orm";
import { getDatabase, type Database } from "@/db";
import { applyMigrations } from "@/db/migrations";
import { accounts } from "@/db/schema";
import { seedDemo, type SeedResult } from "@/db/seed-demo";
import { env } from "@/lib/env";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { startImportWorker } from "@/lib/imports/jobs/worker";
import { logger, type Logger } from "@/lib/logger";
import { maintainLeadPartitions, startPruning } from "@/lib/maintenance/schedule";
import { appSecret } from "@/lib/secret";
import { beginShutdown, isShuttingDown } from "@/lib/shutdown";

// Runs once per app process before it serves requests (instrumentation.ts).
// Migrations apply on start in development and on PGlite; production deploys run `npm run db:migrate`.
// An empty database gets the demo data unless this is a production deploy on PostgreSQL.
export async function startServer(): Promise<void> {
  appSecret(env); // fail at start, not on the first docs link, when a production secret is missing
  const database = getDatabase();
  const migrate = env.MIGRATE_ON_START ?? (env.NODE_ENV !== "production" || database.kind === "pglite");
  if (migrate) await applyMigrations(database);
  // This and next month's lead partitions, before the first lead (the hourly maintenance keeps them ahead).
  await maintainLeadPartitions(database.db, { log: logger.child({ component: "lead-partitions" }) });
  const seedAllowed = env.SEED_DEMO ?? !(env.NODE_ENV === "production" && database.kind === "pg");
  if (seedAllowed && (await isEmpty())) {
    const result = await seedDemo(database.db, { secret: appSecret(env), appUrl: env.APP_URL, password: env.DEMO_PASSWORD });
    printDemoLogin(result);
  }
  // Imports run in this process unless WORKER_IN_PROCESS=false (then `npm run worker` runs them).
  const worker =
    (env.WORKER_IN_PROCESS ?? true)
      ? await startImportWorker(database, {
          concurrency: env.WORKER_CONCURRENCY,
          stalledAfterMs: env.IMPORT_STALLED_SECONDS * 1000,
          log: logger.child({ component: "import-worker" }),
        })
      : null;
  // Whoever runs imports also deletes expired sessions, login attempts and idempotency replies, and
  // drops months of leads past LEAD_RETENTION_DAYS.
  if (worker) startPruning(database.db, { loginWindowMinutes: env.LOGIN_WINDOW_MINUTES, importRetentionDays: env.IMPORT_FILE_RETENTION_DAYS, leadRetentionDays: env.LEAD_RETENTION_DAYS, log: logger.child({ component: "prune" }) });
  stopOnSignals(database, worker);
}

/** How long a stopping app process waits for its worker's batches in flight before it exits anyway. */
const SHUTDOWN_LIMIT_MS = 25_000;

// SIGTERM (an orchestrator or load balancer draining this process) or SIGINT: `next start` stops
// accepting connections, lets the requests in flight finish, then calls process.exit. Meanwhile
// /readyz turns 503, import progress streams end (clients reconnect elsewhere), and the import
// worker takes no new job and ends its slices after the batch in progress, queueing the rest for
// another worker. Next's exit is held until that is done.
function stopOnSignals(database: Database, worker: { stop(): Promise<void> } | null) {
  const log = logger.child({ component: "shutdown" });
  const onSignal = (signal: NodeJS.Signals) => {
    if (isShuttingDown()) return;
    beginShutdown();
    log.info({ signal, worker: worker !== null }, "shutting down: finishing requests in flight and import batches");
    const stopped = (worker ? worker.stop() : stopQueue(database)).catch((err: unknown) => log.error({ err }, "stopping the import queue failed"));
    holdExit(stopped, database, log);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

function holdExit(stopped: Promise<void>, database: Database, log: Logger) {
  const exit = process.exit.bind(process);
  const limit = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS));
  const finish = (code?: number | string | null) =>
    void Promise.race([stopped, limit])
      .then(() => Promise.race([database.close(), new Promise((resolve) => setTimeout(resolve, 2000))]))
      .catch((err: unknown) => log.error({ err }, "closing the database failed"))
      .finally(() => {
        log.info({ code }, "stopped");
        exit(code);
      });
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (exiting) return undefined as never;
    exiting = true;
    finish(code);
    return undefined as never;
  }) as typeof process.exit;
  // With NEXT_MANUAL_SIG_HANDLE set, Next leaves signals to the app and never exits by itself.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) void stopped.then(() => process.exit(0));
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
