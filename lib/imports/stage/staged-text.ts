// Bytes of a CSV in, COPY text for import_rows out, in pieces of about PIECE_BYTES: decoder ->
// long-row guard -> csv-parse -> line tracker -> stager -> COPY line. Needs no database, so it runs
// in the staging worker thread (parse-worker.ts) for a file of any size, or in the calling thread
// for one that fits in its first chunk. The pieces are already bytes: the thread that feeds COPY
// only writes them.
import { copyJson, toCopyLine } from "@/db/bulk-copy";
import { readRecordBatches } from "../read/read-csv";
import type { ReadSettings } from "../settings";
import type { createStager } from "./stage-rows";

/** Big enough that a piece costs one socket write or PGlite COPY among thousands of rows, small enough to hand over often. */
export const PIECE_BYTES = 512 * 1024;

export type StagedText = { piece: Buffer; rows: number };

export async function* stagedRowsText(
  bytes: AsyncIterable<Uint8Array>,
  importId: string,
  settings: Pick<ReadSettings, "encoding" | "delimiter">,
  stager: ReturnType<typeof createStager>,
): AsyncGenerator<StagedText> {
  let text = "";
  let rows = 0;
  for await (const records of readRecordBatches(bytes, settings)) {
    for (const record of records) {
      const row = stager.take(record);
      if (!row) continue;
      text += toCopyLine([importId, row.line, copyJson(row.cells), row.problem]);
      rows += 1;
    }
    if (text.length >= PIECE_BYTES) {
      yield { piece: Buffer.from(text, "utf8"), rows };
      text = "";
      rows = 0;
    }
  }
  if (text !== "") yield { piece: Buffer.from(text, "utf8"), rows };
}
