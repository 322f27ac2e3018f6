// One batch read ahead of the batch being written. PostgreSQL writes a batch on one core while this
// process reads and prepares the next on the other, instead of each waiting for the other in turn.
// A batch read ahead is used only for the key it was read for (the line the previous batch ended
// on, as committed): anything else, or a read that failed, and the caller reads it again itself.

export type ReadAhead<T> = {
  /** Starts reading the batch for `key`; a batch started before and not taken is dropped. */
  start(key: string): void;
  /** The batch read for `key`, or null when none was started for that key or its read failed. */
  take(key: string): Promise<T | null>;
  /** Waits for every read still running, so nothing outlives the job that started it. */
  settle(): Promise<void>;
};

export function createReadAhead<T>(read: (key: string) => Promise<T>): ReadAhead<T> {
  let pending: { key: string; batch: Promise<T | null> } | null = null;
  let running: Promise<void> = Promise.resolve();
  return {
    start(key) {
      const batch = read(key).catch(() => null);
      pending = { key, batch };
      running = Promise.all([running, batch]).then(() => undefined);
    },
    async take(key) {
      const taken = pending;
      pending = null;
      if (taken === null || taken.key !== key) return null;
      return taken.batch;
    },
    async settle() {
      pending = null;
      await running;
    },
  };
}
