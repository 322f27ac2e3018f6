// Waiting for "something changed" between two loops of one thread (staging's feeder and reader on
// either side of the worker): `wait()` resolves at the next `signal()`, which wakes every waiter, so
// no wake-up is lost when both loops wait at once.
export function createWaiters(): { wait: () => Promise<void>; signal: () => void } {
  let waiting: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => waiting.push(resolve)),
    signal: () => {
      const woken = waiting;
      waiting = [];
      for (const fn of woken) fn();
    },
  };
}
