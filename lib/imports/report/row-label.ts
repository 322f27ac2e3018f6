// Where a record is, in the two ways a person counts (issue #14): its row, as the spreadsheet it
// came from numbers it (the header row is row 1, each record one row however many text lines it
// spans), and its line in the text file (import_line_num, what the API and files keep). Pure and
// client-safe: the live progress renders it in the browser.
import { formatCount } from "@/lib/leads/format";

/** "row 30, line 33"; just the line when the row is not known. */
export function rowAndLine(row: number | null | undefined, line: number): string {
  return row == null ? `line ${formatCount(line)}` : `row ${formatCount(row)}, line ${formatCount(line)}`;
}

/** The row of the record that ends a run of `records` records (the first `records` of the file). */
export const rowAfter = (records: number, header: boolean): number => records + (header ? 1 : 0);
