// Bytes in, parsed records out, in batches: decoder -> long-row guard -> records (fast-records.ts:
// csv-parse for every row that needs its judgement) with line tracking. Records are
// read synchronously off the parser and handed on a batch at a time, because awaiting each record
// of a million-row file costs more than parsing it.
import { Readable, pipeline, type Transform } from "node:stream";
import { describeCsvError } from "./csv-errors";
import { DEFAULT_MAX_RECORD_SIZE } from "./csv-options";
import { createDecoder } from "./detect-encoding";
import { createRecordParser } from "./fast-records";
import { createLongRowGuard } from "./long-rows";
import { createLineTracker, type CsvRow } from "./record-lines";
import { ImportRefused } from "./refusal";
import type { ReadSettings } from "../settings";

const BATCH = 1000;

export type ReadOptions = Pick<ReadSettings, "encoding" | "delimiter"> & { maxRecordSize?: number };

export async function* readRecordBatches(bytes: AsyncIterable<Uint8Array>, options: ReadOptions): AsyncGenerator<CsvRow[]> {
  const lines = createLineTracker();
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const parser: Transform = createRecordParser({ delimiter: options.delimiter, maxRecordSize, lines });
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const fn = wake;
    wake = null;
    fn?.();
  };
  const source = Readable.from(bytes, { objectMode: false });
  pipeline(source, createDecoder(options.encoding), createLongRowGuard({ delimiter: options.delimiter, maxRecordSize }), parser, (error) => {
    if (error) failure = error;
    ended = true;
    signal();
  });
  parser.on("readable", signal);
  try {
    for (;;) {
      const batch: CsvRow[] = [];
      let record: CsvRow | null;
      while (batch.length < BATCH && (record = parser.read() as CsvRow | null) !== null) batch.push(record);
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure !== null) throw asRefusal(failure, lines.nextLine, maxRecordSize);
      if (ended && parser.readableLength === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Stops reading the upload when the consumer gives up early (a COPY failed, the client left).
    source.destroy();
    parser.destroy();
  }
}

function asRefusal(error: unknown, line: number, maxRecordSize: number): unknown {
  const described = describeCsvError(error, { line, maxRecordSize });
  return described ? new ImportRefused(described.message) : error;
}
