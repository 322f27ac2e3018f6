// The import worker: takes jobs from the queue and runs them (lib/imports/jobs/job.ts). Runs inside the
// app process by default (lib/startup.ts) and standalone with `npm run worker`; any number of them,
// on any number of machines, share one queue. No server-only imports: the standalone script uses it.
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { withLogContext, type Logger } from "@/lib/logger";
import { startNoticeSender } from "@/lib/notifications/sender";
import { runImportJob, failImport, type RunJobOptions } from "./job";
import { enqueueImport, getQueue, IMPORT_QUEUE, stopQueue } from "./queue";
import { claimStalledImports, failAbandonedUploads } from "../store";

export type WorkerOptions = {
  concurrency: number;
  log: Logger;
  job?: RunJobOptions;
  /** How long an import may go without progress before it is taken as orphaned (default 2 minutes). */
  stalledAfterMs?: number;
};

/** An import whose job has not moved it for this long is assumed orphaned and queued again. */
const STALLED_MS = 2 * 60_000;
const STALLED_CHECK_MS = 60_000;
/** An upload that has recorded no progress (lib/imports/stage/stage.ts does every 10 s) for this long lost its process. */
const ABANDONED_UPLOAD_MS = 2 * 60 * 60_000;

type ImportJobData = { importId: string };

export async function startImportWorker(database: Database, options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { log } = options;
  // Stopping ends each running slice after its batch in progress; the rest is queued for the next worker.
  const stopping = new AbortController();
  const jobOptions = { ...options.job, signal: stopping.signal };
  const boss = await getQueue(database, { supervise: true, onError: (err) => log.error({ err }, "import queue error") });
  for (let i = 0; i < options.concurrency; i++) {
    await boss.work<ImportJobData>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      if (job) await handle(database, boss, job, { ...options, job: jobOptions });
    });
  }
  const notices = await startNoticeSender(database, boss, { log });
  const stalledMs = options.stalledAfterMs ?? STALLED_MS;
  // PGlite is one process: whatever it left validating or importing before a restart is orphaned.
  await requeueStalled(database, boss, log, database.kind === "pglite" ? 0 : stalledMs);
  const timer = setInterval(() => void requeueStalled(database, boss, log, stalledMs), Math.min(STALLED_CHECK_MS, stalledMs / 2));
  timer.unref();
  log.info({ concurrency: options.concurrency, engine: database.kind }, "import worker started");
  return {
    async stop() {
      clearInterval(timer);
      await notices.stop();
      // No new job first, so a slice handed back below is left for another worker, not taken again here.
      await boss.offWork(IMPORT_QUEUE);
      stopping.abort();
      await stopQueue(database);
    },
  };
}

// Every log line of a job, the flow module's included, carries its import id.
function handle(database: Database, boss: PgBoss, job: PgBoss.JobWithMetadata<ImportJobData>, options: WorkerOptions) {
  return withLogContext({ importId: job.data.importId, jobId: job.id }, () => runSlice(database, boss, job, options));
}

async function runSlice(database: Database, boss: PgBoss, job: PgBoss.JobWithMetadata<ImportJobData>, options: WorkerOptions) {
  const { importId } = job.data;
  const { log } = options;
  try {
    log.info({ attempt: job.retryCount + 1 }, "import job slice started");
    const result = await runImportJob(database, importId, options.job);
    // "more" after a stop: the rest of the import is handed back to the queue, for another worker.
    log.info({ result, handedBack: result === "more" && options.job?.signal?.aborted === true }, "import job slice ended");
    if (result === "more") await enqueueImport(boss, importId);
  } catch (error) {
    log.error({ err: error, attempt: job.retryCount + 1, attempts: job.retryLimit + 1 }, "import job failed");
    if (job.retryCount >= job.retryLimit) {
      await failImport(database, importId, "The import stopped on an internal error. Rows imported so far keep their results.");
    }
    throw error;
  }
}

// After a restart (or a worker lost for good), imports still marked validating/importing get a
// job again. If the old job was in fact alive, the import's row lock makes the two take turns.
// Uploads cut off by a crash are marked failed, so no import stays "receiving" for ever.
async function requeueStalled(database: Database, boss: PgBoss, log: Logger, stalledMs: number) {
  try {
    for (const id of await claimStalledImports(database, new Date(Date.now() - stalledMs))) {
      log.info({ importId: id }, "import had no progress for a while; queued again");
      await enqueueImport(boss, id);
    }
    const abandoned = await failAbandonedUploads(database, new Date(Date.now() - ABANDONED_UPLOAD_MS));
    if (abandoned > 0) log.info({ count: abandoned }, "uploads that never finished marked failed");
  } catch (error) {
    log.error({ err: error }, "checking for stalled imports failed");
  }
}
