// The csv-parse options of the real upload path, kept here so they can be unit-tested.
import { type Options, Parser } from "csv-parse";
import type { Delimiter } from "./detect-dialect";
import { createLineTracker, type LineTracker } from "./record-lines";

/** Longest record (in characters) before parsing stops: a guard against a missing closing quote. */
export const DEFAULT_MAX_RECORD_SIZE = 10 * 1024 * 1024;

export type CsvReadSettings = {
  delimiter: Delimiter;
  maxRecordSize?: number;
  /** Pass one in to read `nextLine` when the parse fails; one tracker per parse. */
  lines?: LineTracker;
};

/**
 * Records come out as CsvRow ({ cells, line, endLine, blank }), never as objects keyed by header:
 * headers are normalized and mapped separately, and duplicate names must not collapse columns.
 * - relax_column_count: short and long rows are kept so the stager can report them by line.
 * - skip_empty_lines off: blank lines arrive as rows with `blank: true`; the stager skips and
 *   reports them, so line numbers stay right and nothing disappears silently.
 * - relax_quotes: a quote inside an unquoted value (5'10", Bob "Bo" Lee) is kept as text
 *   instead of failing the whole file.
 * - bom off: createDecoder already stripped it; the input is decoded strings, not bytes.
 * - record_delimiter: every one of CRLF, LF and a lone CR ends a record, even mixed in one file
 *   (two files pasted together, old Mac Excel). csv-parse's auto-detection settles on the first
 *   ending it sees and reads the others as text. CRLF comes first so it is one ending, not two.
 */
export function csvParseOptions(settings: Pick<CsvReadSettings, "delimiter" | "maxRecordSize">): Options {
  return {
    delimiter: settings.delimiter,
    quote: '"',
    escape: '"',
    record_delimiter: ["\r\n", "\n", "\r"],
    columns: false,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_empty_values: false,
    skip_records_with_error: false,
    trim: false,
    max_record_size: settings.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE,
  };
}

/**
 * A csv-parse stream yielding CsvRow objects: the reference that the upload path's record parser
 * (fast-records.ts, which calls csv-parse only for the rows that need it) is tested against. Each record is located as csv-parse pushes it, in the
 * parse call itself, so `lines.nextLine` is right even when an error aborts the stream before the
 * consumer has read the records parsed before it. (csv-parse's `on_record` hook would do the same
 * but builds an `info` object for every record: 2.3 s of a 10 s parse of a million rows.)
 */
export function createCsvParser(settings: CsvReadSettings): Parser {
  return new LocatingParser(csvParseOptions(settings), settings.lines ?? createLineTracker());
}

class LocatingParser extends Parser {
  constructor(
    options: Options,
    private readonly lines: LineTracker,
  ) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(record === null ? null : this.lines.locate(record as string[]), encoding);
  }
}
