// Messages between the main thread (parse-in-worker.ts) and the staging worker (parse-worker.ts).
import type { RefusalStatus } from "../read/refusal";
import type { ReadSettings } from "../settings";
import type { StageSummary } from "./stage-rows";

export type WorkerInput = { importId: string; settings: Pick<ReadSettings, "header" | "encoding" | "delimiter"> };

/** Bytes of the upload posted to the worker and not yet taken by its parser. */
export const IN_FLIGHT_BYTES = 4 * 1024 * 1024;
/** The worker reports the bytes its parser has taken this many at a time (and whenever it waits for more). */
export const TAKEN_REPORT_BYTES = 1024 * 1024;
/** Pieces of COPY text (staged-text.ts PIECE_BYTES each) posted back and not yet written. */
export const OUT_PIECES = 16;

export type ToWorker = { kind: "bytes"; chunk: Uint8Array } | { kind: "end" } | { kind: "ack" };

export type FromWorker =
  | { kind: "taken"; bytes: number }
  | { kind: "text"; piece: Uint8Array; rows: number }
  | { kind: "done"; summary: StageSummary }
  | { kind: "refused"; message: string; httpStatus: RefusalStatus }
  | { kind: "failed"; message: string };
