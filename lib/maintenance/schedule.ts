// Runs pruneExpired in the processes that run import workers: the first time after a random minute
// (so processes started together don't all prune at once), then every hour. A failure is logged and
// tried again at the next turn; nothing depends on a prune having run.
import type { Db } from "@/db/client";
import type { Logger } from "@/lib/logger";
import { pruneExpired, type PruneOptions } from "./prune";

const EVERY_MS = 60 * 60_000;

export function startPruning(db: Db, options: PruneOptions & { log: Logger }): { stop(): void } {
  const { log, ...pruneOptions } = options;
  const run = async () => {
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
