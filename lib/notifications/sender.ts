// The worker's side of "import ended" notices: every few seconds, due outbox rows become queue jobs
// (pump.ts); each job is one attempt (deliver.ts). Runs in every import worker; they share the work.
import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { enqueueNotice, NOTICE_QUEUE } from "@/lib/imports/jobs/queue";
import type { Logger } from "@/lib/logger";
import { deliverNotice, type DeliverNoticeOptions } from "./deliver";
import { claimDueNotices } from "./pump";

const PUMP_MS = 3_000;

export type NoticeSenderOptions = { log: Logger; deliver?: DeliverNoticeOptions; pumpMs?: number };

export async function startNoticeSender(database: Database, boss: PgBoss, options: NoticeSenderOptions): Promise<{ stop(): Promise<void> }> {
  const { log } = options;
  await boss.work<{ noticeId: string }>(NOTICE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const result = await deliverNotice(database, job.data.noticeId, options.deliver);
    log.info({ noticeId: job.data.noticeId, result }, "import notice attempt");
  });
  let pumping = false;
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (const id of await claimDueNotices(database)) await enqueueNotice(boss, id);
    } catch (error) {
      log.error({ err: error }, "handing import notices to the queue failed");
    } finally {
      pumping = false;
    }
  };
  await pump();
  const timer = setInterval(() => void pump(), options.pumpMs ?? PUMP_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await boss.offWork(NOTICE_QUEUE);
    },
  };
}
