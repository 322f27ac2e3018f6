// The main thread's side of staging in a worker thread (parse-worker.ts): posts the upload's bytes
// to the worker, at most IN_FLIGHT_BYTES ahead of its parser, and yields the COPY text it posts
// back, acknowledging each piece only when the next one is asked for, so a slow COPY slows the
// parser and the parser slows the upload. Memory: a few chunks and pieces, whatever the file's size.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { ImportRefused } from "../read/refusal";
import { IN_FLIGHT_BYTES, type FromWorker, type ToWorker, type WorkerInput } from "./parse-protocol";
import type { StageSummary } from "./stage-rows";
import type { StagedText } from "./staged-text";
import { createWaiters } from "./waiters";

/**
 * The worker's code. Next bundles the routes that call this, so no path relative to this module
 * survives; the worker is found from the working directory, as scripts/start.mjs finds its bundles.
 * Production: the esbuild bundle `npm run build` writes. `next dev` and tests: the TypeScript source,
 * through tsx (a dev dependency).
 */
export function workerSource(): string {
  const bundle = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "leadport", "parse-worker.cjs");
  if (process.env.NODE_ENV === "production" && existsSync(bundle)) return `require(${JSON.stringify(bundle)});`;
  const source = join(process.cwd(), "lib", "imports", "stage", "parse-worker.ts");
  return `require("tsx/cjs/api").register(); require(${JSON.stringify(source)});`;
}

// The web process runs with --max-semi-space-size=4 (package.json), which keeps its garbage from
// piling up; the worker gets the same young generation (3 semi-spaces). Its old generation keeps the
// process's limit: one row of 10 MB of delimiters is millions of cells.
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12 };

export type WorkerStaging = { text: AsyncGenerator<StagedText>; summary: () => StageSummary };

export function stageInWorker(bytes: AsyncIterable<Uint8Array>, input: WorkerInput): WorkerStaging {
  let summary: StageSummary | null = null;
  async function* text(): AsyncGenerator<StagedText> {
    const worker = new Worker(workerSource(), { eval: true, workerData: input, resourceLimits: RESOURCE_LIMITS });
    const inbox: FromWorker[] = [];
    let failure: unknown = null;
    // Both loops below may wait at once (the feeder for room, the reader for a message): every event wakes both.
    const { wait, signal } = createWaiters();
    const fail = (error: unknown) => {
      failure ??= error;
      signal();
    };
    let inFlight = 0;
    worker.on("message", (message: FromWorker) => {
      if (message.kind === "taken") inFlight -= message.bytes;
      else inbox.push(message);
      signal();
    });
    worker.on("error", fail);
    // The worker never exits on its own (its port stays open until it is terminated below).
    worker.on("exit", (code) => fail(new Error(`The staging worker stopped (exit code ${code})`)));
    const send = (message: ToWorker) => worker.postMessage(message);
    let stopped = false;
    // Feeds the worker while this generator yields; its failure (the size limit, a client that
    // went away) ends the staging as the worker's own would.
    const feeding = (async () => {
      for await (const chunk of bytes) {
        if (stopped) return;
        send({ kind: "bytes", chunk });
        inFlight += chunk.byteLength;
        while (inFlight >= IN_FLIGHT_BYTES && !stopped && failure === null) await wait();
        if (failure !== null) return;
      }
      send({ kind: "end" });
    })();
    feeding.catch(fail);
    try {
      for (;;) {
        const message = inbox.shift();
        if (!message) {
          if (failure !== null) throw failure;
          await wait();
          continue;
        }
        if (message.kind === "text") {
          const { piece } = message;
          yield { piece: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), rows: message.rows };
          send({ kind: "ack" });
        } else if (message.kind === "done") {
          summary = message.summary;
          return;
        } else if (message.kind === "refused") throw new ImportRefused(message.message, message.httpStatus);
        else if (message.kind === "failed") throw new Error(`Staging worker: ${message.message}`);
      }
    } finally {
      // Not waiting for the feeder: it may be waiting for the client's next chunk; it stops there.
      stopped = true;
      signal();
      await worker.terminate();
    }
  }
  return {
    text: text(),
    summary: () => {
      if (!summary) throw new Error("The staging worker has not finished");
      return summary;
    },
  };
}
