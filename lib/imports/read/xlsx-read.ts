// A workbook's sheets and rows, read streaming with exceljs's WorkbookReader: one sheet's rows at a
// time, in batches, as the CSV reader gives records. A row's line is its row number in the sheet;
// rows the file leaves out (Excel writes no XML for an empty row) come through as blank lines, so
// staging skips and reports them as it does blank CSV lines.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CsvRow } from "./record-lines";
import { ImportRefused } from "./refusal";
import { cellText } from "./xlsx-cells";
import { createStringSpill, type StringSpill } from "./xlsx-strings";
import { SPREADSHEET_MESSAGES } from "./xlsx-zip";

const BATCH = 1000;

/** `tabs`: every sheet's name in the workbook's tab order (xl/workbook.xml), read before any sheet. */
export type Sheet = { name: string; tabs: string[]; rows: () => AsyncGenerator<CsvRow[]> };

type Cell = { value: unknown; numFmt?: string };
type Row = { number: number; eachCell: (options: { includeEmpty: boolean }, fn: (cell: Cell, col: number) => void) => void };
/** `iterator`: the sheet's XML, a stream over exceljs's temporary copy of it. */
type WorksheetReader = AsyncIterable<Row> & { name?: string; id?: string | number; iterator?: { destroy?: () => void; on?: (event: "error", fn: () => void) => void } };
type ReaderModel = { model?: { sheets?: Array<{ name?: string }> } };
// parse() yields { eventType, value } for sheets, and each emitted shared string bare, as { index, text }, in order.
type ReaderEvent = { eventType: string; value: unknown } | { eventType?: undefined; index: number; text: unknown };

type ReadOptions = { maxTextBytes: number };

const ATTEMPTS = 3;

/**
 * Sheets in the order the file stores them. `rows()` may be called once per sheet, before asking
 * for the next sheet; a sheet never read is skipped. `maxTextBytes` bounds the text the rows may
 * produce (a guard behind the zip's size check: the entries may lie about their sizes). `open`
 * gives the file's bytes from the start, each time it is called.
 */
export async function* readSheets(open: () => AsyncIterable<Uint8Array>, options: ReadOptions): AsyncGenerator<Sheet> {
  for (let attempt = 1; ; attempt++) {
    const state = { yielded: false };
    try {
      yield* readSheetsOnce(open(), options, state);
      return;
    } catch (error) {
      // exceljs 4.4's streaming reader now and then (about one read in 60, here) loses a small
      // entry's content and fails on its first sheet; nothing was staged yet, so read it again.
      const beforeAnySheet = !state.yielded && error instanceof ImportRefused && error.message === SPREADSHEET_MESSAGES.damaged;
      if (!beforeAnySheet || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function* readSheetsOnce(bytes: AsyncIterable<Uint8Array>, options: ReadOptions, state: { yielded: boolean }): AsyncGenerator<Sheet> {
  const source = Readable.from(bytes);
  // exceljs pipes the source into its unzipper, and pipe() passes errors on to nobody: a failed read
  // of the stored file (the database went away) would end the process, or leave the reader waiting.
  const failed = sourceFailure(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    // Emitted into a temporary file (xlsx-strings.ts), not cached in memory; cells then hold
    // { sharedString: index }. exceljs then always buffers the sheets in temporary files first.
    sharedStrings: "emit",
    // Styles carry the number formats: 00000 zips and dates need them.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const iterator = (reader as unknown as { parse(): AsyncGenerator<ReaderEvent> }).parse();
  const strings = createStringSpill();
  let text = 0;
  const count = (n: number) => {
    text += n;
    if (text > options.maxTextBytes) throw new ImportRefused(SPREADSHEET_MESSAGES.bomb, 413);
  };
  let finished = false;
  try {
    for (let index = 1; ; ) {
      const next = await readable(() => Promise.race([iterator.next(), failed.promise]));
      if (next.done) {
        finished = true;
        return;
      }
      const event = next.value;
      if (event.eventType === undefined) {
        strings.add(cellText(event.text));
        continue;
      }
      if (event.eventType !== "worksheet") continue;
      const worksheet = event.value as WorksheetReader;
      const name = worksheet.name ?? `Sheet${index++}`;
      const tabs = ((reader as unknown as ReaderModel).model?.sheets ?? []).flatMap((s) => (typeof s.name === "string" ? [s.name] : []));
      state.yielded = true;
      yield { name, tabs: tabs.length > 0 ? tabs : [name], rows: () => rowsOf(worksheet, { count, strings }) };
      passOver(worksheet);
    }
  } finally {
    strings.close();
    if (!finished && !failed.happened()) await skipRest(iterator);
    source.destroy();
  }
}

/**
 * exceljs deletes a sheet's temporary copy only as its parse() moves past the sheet, so a consumer
 * that stops early (its sheet found, or a refusal) leaves the rest to be passed over, unread: by
 * then every sheet is already on disk, so this opens and deletes files and inflates nothing.
 */
/**
 * Closes a sheet's stream over its temporary copy, read or not. exceljs deletes that copy as it moves
 * on, possibly before the stream has opened it: the ENOENT must not reach an 'error' event with no
 * listener, which would end the process.
 */
function passOver(worksheet: WorksheetReader) {
  worksheet.iterator?.on?.("error", () => {});
  worksheet.iterator?.destroy?.();
}

async function skipRest(iterator: AsyncGenerator<ReaderEvent>) {
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.eventType === "worksheet") passOver(next.value.value as WorksheetReader);
    }
  } catch {
    // A damaged file fails here as it did for the consumer; its temporary files go at process exit.
  }
}

type RowContext = { count: (n: number) => void; strings: StringSpill };

async function* rowsOf(worksheet: WorksheetReader, context: RowContext): AsyncGenerator<CsvRow[]> {
  const iterator = worksheet[Symbol.asyncIterator]();
  let batch: CsvRow[] = [];
  let lastLine = 0;
  for (;;) {
    const next = await readable(() => iterator.next());
    if (next.done) break;
    const row = next.value;
    // A gap of a million missing rows is reported a batch at a time, never held at once.
    for (let line = lastLine + 1; line <= row.number; line++) {
      batch.push(line === row.number ? rowOf(row, context) : blankRow(line));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    lastLine = row.number;
  }
  if (batch.length > 0) yield batch;
}

function rowOf(row: Row, { count, strings }: RowContext): CsvRow {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    const shared = sharedIndex(cell.value);
    const text = shared === null ? cellText(cell.value, cell.numFmt) : sharedText(strings, shared);
    count(text.length + 1);
    cells[col - 1] = text;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= "";
  const blank = cells.every((cell) => cell.trim() === "");
  return { line: row.number, endLine: row.number, cells: blank ? [] : cells, blank };
}

// A cell naming a shared string the table does not have: the file (or its reading) is broken; never an empty cell.
function sharedText(strings: StringSpill, index: number): string {
  const text = strings.get(index);
  if (text === null) throw new ImportRefused(SPREADSHEET_MESSAGES.damaged);
  return text;
}

function sharedIndex(value: unknown): number | null {
  if (value === null || typeof value !== "object" || !("sharedString" in value)) return null;
  const index = (value as { sharedString: unknown }).sharedString;
  return typeof index === "number" ? index : null;
}

const blankRow = (line: number): CsvRow => ({ line, endLine: line, cells: [], blank: true });

/** exceljs and its unzipper throw plain errors on a damaged file: those are the file's fault, said so. */
/** The stored file could not be read: not the file's fault, so not a refusal. */
class SourceFailed extends Error {}

function sourceFailure(source: Readable) {
  let happened = false;
  let fail: (error: unknown) => void = () => {};
  const promise = new Promise<never>((_, reject) => (fail = reject));
  promise.catch(() => {});
  source.on("error", (error) => {
    happened = true;
    fail(new SourceFailed("reading the stored workbook failed", { cause: error }));
  });
  return { promise, happened: () => happened };
}

async function readable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ImportRefused || error instanceof SourceFailed) throw error.cause ?? error;
    throw new ImportRefused(SPREADSHEET_MESSAGES.damaged);
  }
}
