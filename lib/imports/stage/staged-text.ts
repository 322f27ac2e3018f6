// Bytes of a CSV in, COPY text for import_rows out, in pieces of about PIECE_BYTES: decoder ->
// long-row guard -> csv-parse -> line tracker -> stager -> COPY line. Needs no database, so it runs
// in the staging worker thread (parse-worker.ts) for a file of any size, or in the calling thread
// for one that fits in its first chunk. The pieces are already bytes: the thread that feeds COPY
// only writes them. Each row's text is written once, straight into a reused buffer (CopyPieces),
// instead of into a string per row, a string per piece and then bytes (docs/benchmarks.md).
import { CopyPieces, copyJson } from "@/db/bulk-copy";
import { readRecordBatches } from "../read/read-csv";
import type { ReadSettings } from "../settings";
import type { createStager } from "./stage-rows";

/**
 * Big enough that a piece costs one socket write among hundreds of rows (PGlite joins them up, see
 * copyInto), small enough to hand over often, and under glibc's mmap threshold (npm start sets
 * MALLOC_MMAP_THRESHOLD_=131072) with its slack: a larger piece was new memory each time, about
 * 3 ms of page faults a megabyte on this machine, 8% of the worker at 512 KB (docs/benchmarks.md).
 */
export const PIECE_BYTES = 96 * 1024;

export type StagedText = { piece: Buffer; rows: number };

export async function* stagedRowsText(
  bytes: AsyncIterable<Uint8Array>,
  importId: string,
  settings: Pick<ReadSettings, "encoding" | "delimiter">,
  stager: ReturnType<typeof createStager>,
  pieceBytes = PIECE_BYTES,
): AsyncGenerator<StagedText> {
  const pieces = new CopyPieces(pieceBytes);
  for await (const records of readRecordBatches(bytes, settings)) {
    for (const record of records) {
      const row = stager.take(record);
      if (row) pieces.row([importId, row.line, copyJson(row.cells), row.problem]);
    }
    // A piece is handed over between batches, so the rows in it are never more than a batch behind.
    while (pieces.ready.length > 0) yield pieces.ready.shift()!;
  }
  const rest = pieces.rest();
  if (rest !== null) yield rest;
}
