// `npm run worker`: a standalone import worker. Any number can run, on any machine, against the same
// PostgreSQL; they share the queue. Stops gracefully on SIGTERM/SIGINT: it takes no new job, the
// slices it runs end after their current batch and queue the rest for another worker, then it exits.
// A worker killed outright (SIGKILL, a lost machine) loses only its uncommitted batch: another
// worker queues the import again after IMPORT_STALLED_SECONDS and continues after the last
// committed line. With PGlite, only one process can open the database: stop the app (or set
// WORKER_IN_PROCESS=false and use this instead).
import { openScriptDatabase } from "@/db/script-env";
import { startImportWorker } from "@/lib/imports/jobs/worker";
import { logger } from "@/lib/logger";
import { startPruning } from "@/lib/maintenance/schedule";

/** Past this, a stopping worker exits anyway; its import is picked up again as a stalled one. */
const STOP_LIMIT_MS = 60_000;

const { env, database } = openScriptDatabase({ appPool: true });
const log = logger.child({ component: "import-worker" });
const worker = await startImportWorker(database, { concurrency: env.WORKER_CONCURRENCY, stalledAfterMs: env.IMPORT_STALLED_SECONDS * 1000, log });
// Workers also delete expired sessions, login attempts and idempotency replies, and drop months of
// leads past LEAD_RETENTION_DAYS (lib/maintenance).
const pruning = startPruning(database.db, { loginWindowMinutes: env.LOGIN_WINDOW_MINUTES, importRetentionDays: env.IMPORT_FILE_RETENTION_DAYS, leadRetentionDays: env.LEAD_RETENTION_DAYS, log: logger.child({ component: "prune" }) });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "import worker stopping: finishing the batches in progress");
  const limit = setTimeout(() => {
    log.error({ limitMs: STOP_LIMIT_MS }, "import worker did not stop in time; exiting");
    process.exit(1);
  }, STOP_LIMIT_MS);
  pruning.stop();
  await worker.stop();
  await database.close();
  clearTimeout(limit);
  log.info("import worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
