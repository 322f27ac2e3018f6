// The staging worker thread's entry (started by parse-in-worker.ts; bundled for production by
// scripts/build-server.mjs into <dist>/leadport/parse-worker.cjs). It turns the upload's bytes,
// posted to it chunk by chunk, into COPY text for import_rows (staged-text.ts) and posts that back
// piece by piece, so csv-parse runs beside the COPY instead of in the thread that serves requests.
// Both directions are bounded: it reports each chunk it has taken (the main thread posts no more
// than IN_FLIGHT_BYTES ahead), and stops parsing while OUT_PIECES pieces wait to be written.
import { parentPort, workerData } from "node:worker_threads";
import { ImportRefused } from "../read/refusal";
import { createStager } from "./stage-rows";
import { stagedRowsText } from "./staged-text";
import type { FromWorker, ToWorker, WorkerInput } from "./parse-protocol";
import { OUT_PIECES, TAKEN_REPORT_BYTES } from "./parse-protocol";
import { createWaiters } from "./waiters";

const port = parentPort;
if (port) void run(port, workerData as WorkerInput);

async function run(channel: NonNullable<typeof parentPort>, input: WorkerInput) {
  const post = (message: FromWorker, transfer?: ArrayBuffer[]) => channel.postMessage(message, transfer);
  const chunks: Uint8Array[] = [];
  let ended = false;
  let acked = 0;
  // The parser's stream pulls bytes while the loop below may wait for an ack: every message wakes both.
  const { wait, signal } = createWaiters();
  channel.on("message", (message: ToWorker) => {
    if (message.kind === "bytes") chunks.push(message.chunk);
    else if (message.kind === "end") ended = true;
    else acked += 1;
    signal();
  });
  // Taken bytes are reported TAKEN_REPORT_BYTES at a time (a message per upload chunk cost more
  // than the chunk's decoding), and all of them before waiting for more, so the main thread never
  // holds back bytes for a worker that has run dry.
  let unreported = 0;
  const report = () => {
    if (unreported > 0) post({ kind: "taken", bytes: unreported });
    unreported = 0;
  };
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk) {
        unreported += chunk.byteLength;
        if (unreported >= TAKEN_REPORT_BYTES) report();
        yield chunk;
      } else if (ended) return;
      else {
        report();
        await wait();
      }
    }
  }
  try {
    const stager = createStager({ header: input.settings.header, encoding: input.settings.encoding });
    let sent = 0;
    for await (const { piece, rows } of stagedRowsText(bytes(), input.importId, input.settings, stager)) {
      while (sent - acked >= OUT_PIECES) await wait();
      // Transferred, not copied, when the piece owns its memory (a small Buffer shares Node's pool).
      const owned = piece.byteOffset === 0 && piece.buffer.byteLength === piece.byteLength;
      post({ kind: "text", piece, rows }, owned ? [piece.buffer as ArrayBuffer] : undefined);
      sent += 1;
    }
    post({ kind: "done", summary: stager.finish() });
  } catch (error) {
    if (error instanceof ImportRefused) post({ kind: "refused", message: error.message, httpStatus: error.httpStatus });
    else post({ kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  // The port stays open: the main thread terminates the worker once it has read the last message.
}
