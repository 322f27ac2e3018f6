// Turns a csv-parse failure into a message a person can act on, naming the line to fix.
import { CsvError } from "csv-parse";
import { DEFAULT_MAX_RECORD_SIZE } from "./csv-options";

export type CsvReadError = { line: number; message: string };

/**
 * `context.line` is the start line of the record being parsed when it failed (LineTracker.nextLine):
 * for an unclosed quote that is where the stray quote is, not the end of the file where
 * csv-parse notices it. Returns null for anything that is not a CSV error (a bug: rethrow it).
 */
export function describeCsvError(
  error: unknown,
  context: { line: number; maxRecordSize?: number },
): CsvReadError | null {
  if (!(error instanceof CsvError)) return null;
  const { line, maxRecordSize = DEFAULT_MAX_RECORD_SIZE } = context;
  return { line, message: `Line ${line}: ${explain(error, maxRecordSize)}` };
}

function explain(error: CsvError, maxRecordSize: number): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a value starts with a quote (") that is never closed, so the rest of the file cannot be read. Add the closing quote or remove the stray one, then upload again.';
    case "CSV_MAX_RECORD_SIZE":
      return `this row is longer than the ${formatSize(maxRecordSize)} limit for one row. A row that long usually means a missing closing quote or the wrong delimiter.`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'a quoted value has text after its closing quote, as in "Smith" Jr. Quote the whole value and double the inner quotes ("""Smith"" Jr"), then upload again.';
    case "INVALID_OPENING_QUOTE":
      return 'a quote (") appears in the middle of a value that is not quoted. Quote the whole value and double the inner quotes, then upload again.';
    default:
      return "this row could not be read as CSV. Check its quotes and delimiters, then upload again.";
  }
}

export function formatSize(characters: number): string {
  const megabytes = characters / (1024 * 1024);
  return megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${characters.toLocaleString("en-US")} character`;
}
