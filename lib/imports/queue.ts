// The import queue: pg-boss 10 on the app's own database connection, PostgreSQL or PGlite. Jobs
// carry only an import id; the import's state and progress live in the imports table.
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { queueDb } from "./queue-db";

export const IMPORT_QUEUE = "leadport-imports";

export type QueueOptions = {
  /** Run pg-boss maintenance (expiring dead jobs into retries): on in every worker process. */
  supervise: boolean;
  onError: (error: Error) => void;
};

type Started = { boss: PgBoss; supervise: boolean };

// One pg-boss per database per process, on globalThis because Next bundles this module separately
// for instrumentation and for route handlers.
const globalForQueue = globalThis as unknown as { leadportQueues?: WeakMap<Database, Promise<Started>> };

export async function getQueue(database: Database, options: QueueOptions): Promise<PgBoss> {
  const queues = (globalForQueue.leadportQueues ??= new WeakMap());
  let started = queues.get(database);
  if (!started) {
    started = startQueue(database, options);
    queues.set(database, started);
    started.catch(() => queues.delete(database));
  }
  return (await started).boss;
}

async function startQueue(database: Database, options: QueueOptions): Promise<Started> {
  const boss = new PgBoss({ db: queueDb(database), supervise: options.supervise, schedule: false });
  boss.on("error", options.onError);
  await boss.start();
  // A job is one time slice of an import (lib/imports/job.ts), so 15 minutes is ample; a worker
  // that dies mid-slice leaves its job to expire and be retried after that at most.
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 });
  return { boss, supervise: options.supervise };
}

export async function enqueueImport(boss: PgBoss, importId: string): Promise<void> {
  await boss.send(IMPORT_QUEUE, { importId });
}

export async function stopQueue(database: Database): Promise<void> {
  const started = globalForQueue.leadportQueues?.get(database);
  if (!started) return;
  globalForQueue.leadportQueues?.delete(database);
  const { boss } = await started;
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
}
