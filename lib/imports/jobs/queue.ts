// The import queue: pg-boss 10 on the app's own database connection, PostgreSQL or PGlite. Jobs
// carry only an import id; the import's state and progress live in the imports table.
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { queueDb } from "./queue-db";

export const IMPORT_QUEUE = "leadport-imports";
/** "Import ended" webhooks and emails (lib/notifications); jobs carry only the notice's id. */
export const NOTICE_QUEUE = "leadport-import-notices";

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
  // A job is one time slice of an import (lib/imports/jobs/job.ts), so 15 minutes is ample; a worker
  // that dies mid-slice leaves its job to expire and be retried after that at most.
  await createQueue(boss, IMPORT_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 });
  // Notices keep their own retry schedule in the outbox (lib/notifications/deliver.ts); a job is one attempt.
  await createQueue(boss, NOTICE_QUEUE, { retryLimit: 0, expireInSeconds: 5 * 60 });
  return { boss, supervise: options.supervise };
}

// Processes starting at once on a new database all create the queue; pg-boss's create_queue can
// deadlock with itself then (it inserts the queue row and creates its partition table). PostgreSQL
// aborts one side; that one tries again and finds the queue made.
async function createQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export async function enqueueImport(boss: PgBoss, importId: string): Promise<void> {
  await boss.send(IMPORT_QUEUE, { importId });
}

export async function enqueueNotice(boss: PgBoss, noticeId: string): Promise<void> {
  await boss.send(NOTICE_QUEUE, { noticeId });
}

export async function stopQueue(database: Database): Promise<void> {
  const started = globalForQueue.leadportQueues?.get(database);
  if (!started) return;
  globalForQueue.leadportQueues?.delete(database);
  const { boss } = await started;
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
}
