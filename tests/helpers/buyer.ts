// A buyer's HTTP endpoint for delivery tests: counts every request it receives (with its
// Idempotency-Key and body), answers {"outcome":"success"}, and can hold its answers until released.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type BuyerRequest = { key: string | null; body: Record<string, string> };

export type Buyer = {
  url: string;
  received: BuyerRequest[];
  /** Requests being held (answers not sent yet), and the most ever held at once. */
  inFlight(): number;
  maxInFlight(): number;
  hold(): void;
  release(): void;
  /** Resolves once `n` requests are held at once. */
  heldAtLeast(n: number): Promise<void>;
  close(): Promise<void>;
};

export async function startBuyer(): Promise<Buyer> {
  const received: BuyerRequest[] = [];
  let holding = false;
  let held: ServerResponse[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const answer = (res: ServerResponse) => {
    inFlight -= 1;
    res.writeHead(200, { "content-type": "application/json" }).end('{"outcome":"success"}');
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const key = req.headers["idempotency-key"];
      received.push({ key: typeof key === "string" ? key : null, body: JSON.parse(body || "{}") as Record<string, string> });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (!holding) return answer(res);
      held.push(res);
      for (const w of waiters.filter((w) => held.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`,
    received,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    hold: () => (holding = true),
    release() {
      holding = false;
      const waiting = held;
      held = [];
      waiting.forEach(answer);
    },
    heldAtLeast: (n) => (held.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
