// Runs pruneExpired in the processes that run import workers: the first time after a random minute
// (so processes started together don't all prune at once), then every hour. A failure is logged and
// tried again at the next turn; nothing depends on a prune having run. Each turn also makes sure this
// and next month's lead partitions exist and, with LEAD_RETENTION_DAYS, drops months past it
// (lead-partitions.ts).
import type { Db } from "@/db/client";
import type { Logger } from "@/lib/logger";
import { dropExpiredLeadMonths, ensureLeadPartitions } from "./lead-partitions";
import { pruneExpired, type PruneOptions } from "./prune";

const EVERY_MS = 60 * 60_000;

/** The lead partitions' part of a maintenance turn; logs what it created and dropped, never throws. */
export async function maintainLeadPartitions(db: Db, { leadRetentionDays, log }: { leadRetentionDays?: number; log: Logger }): Promise<void> {
  try {
    const created = await ensureLeadPartitions(db);
    if (created.length > 0) log.info({ created }, "created lead partitions");
    if (leadRetentionDays !== undefined) {
      const dropped = await dropExpiredLeadMonths(db, leadRetentionDays);
      for (const d of dropped) log.info({ ...d, leadRetentionDays }, "dropped a month of leads past LEAD_RETENTION_DAYS (report totals kept)");
    }
  } catch (err) {
    log.warn({ err }, "creating or dropping lead partitions failed; trying again in an hour");
  }
}

export function startPruning(db: Db, options: PruneOptions & { leadRetentionDays?: number; log: Logger }): { stop(): void } {
  const { log, leadRetentionDays, ...pruneOptions } = options;
  const run = async () => {
    await maintainLeadPartitions(db, { leadRetentionDays, log });
    try {
      const counts = await pruneExpired(db, pruneOptions);
      if (Object.values(counts).some((n) => n > 0)) log.info(counts, "pruned expired rows");
    } catch (err) {
      log.warn({ err }, "pruning expired rows failed; trying again in an hour");
    }
  };
  const first = setTimeout(() => void run(), Math.random() * 60_000);
  const every = setInterval(() => void run(), EVERY_MS);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
