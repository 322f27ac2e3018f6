// At most N deliveries in flight to one recipient host, across every import and request of this
// process: a slow buyer then queues only its own deliveries, while other hosts' go out at once.
// The limit is per process; several worker processes each keep their own.

export type HostGate = {
  /** Runs `task` once fewer than the limit of deliveries to `host` are running. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Deliveries to `host` running now (for tests and logs). */
  active(host: string): number;
};

type Lane = { running: number; waiting: Array<() => void> };

export function createHostGate(limit: number): HostGate {
  const lanes = new Map<string, Lane>();
  return {
    async run(host, task) {
      let lane = lanes.get(host);
      if (!lane) lanes.set(host, (lane = { running: 0, waiting: [] }));
      if (lane.running >= limit) await new Promise<void>((resolve) => lane!.waiting.push(resolve));
      else lane.running += 1;
      try {
        return await task();
      } finally {
        // A waiting delivery takes the freed place directly (running stays the same); an idle lane goes.
        const next = lane.waiting.shift();
        if (next) next();
        else if (--lane.running === 0) lanes.delete(host);
      }
    },
    active: (host) => lanes.get(host)?.running ?? 0,
  };
}
