// Turns parsed records into staged rows: takes the header row off, skips blank lines, keeps short
// and long rows with a problem naming their line, and notes what it changed. Pure and incremental:
// one record at a time, so a file of any size passes through without being held.
import { formatSize } from "../read/csv-errors";
import { DEFAULT_MAX_RECORD_SIZE } from "../read/csv-options";
import { normalizeHeaders } from "../map/headers";
import type { CsvRow } from "../read/record-lines";
import { ImportRefused } from "../read/refusal";
import type { Notice } from "../settings";

export type StagedRow = { line: number; cells: string[]; problem: string | null };

export type StageSummary = {
  headers: string[];
  rows: number;
  unreadable: number;
  notices: Notice[];
};

/** Line numbers listed in one notice; the count says how many there were in all. */
const LISTED_LINES = 20;

const NUL = /\u0000/g;
const REPLACEMENT = "\uFFFD";

export function createStager(options: { header: boolean; encoding: string; maxRecordSize?: number }) {
  const limit = formatSize(options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE);
  let headerCells: string[] | null = null;
  let width: number | null = null;
  let rows = 0;
  let unreadable = 0;
  const blank = lineList();
  const nul = lineList();
  const undecodable = lineList();

  function take(record: CsvRow): StagedRow | null {
    if (record.blank) {
      blank.add(record.line);
      return null;
    }
    if (record.tooLong !== undefined) return tooLong(record);
    if (width === null) {
      width = record.cells.length;
      if (options.header) {
        headerCells = record.cells;
        return null;
      }
    }
    const cells = record.plain ? record.cells : cleanCells(record);
    rows += 1;
    const fitted = fitWidth(cells, width);
    const problem = fitted.length === width ? null : widthProblem(fitted.length, width, options.header);
    if (problem) unreadable += 1;
    return { line: record.line, cells: fitted, problem };
  }

  // A row over the per-row limit is reported, not imported; the rest of the file is. Without its
  // header row, though, no column can be named: that file is refused.
  function tooLong(record: CsvRow): StagedRow {
    const span = record.endLine > record.line ? ` (lines ${record.line} to ${record.endLine})` : "";
    if (width === null && options.header) throw new ImportRefused(`Line ${record.line}: the header row is longer than the ${limit} limit for one row. Check the delimiter and the quotes in it, then upload again.`);
    rows += 1;
    unreadable += 1;
    return { line: record.line, cells: [], problem: `Row longer than the ${limit} limit for one row${span}: not imported. A row that long usually means a missing closing quote or the wrong delimiter.` };
  }

  // PostgreSQL text cannot hold NUL; a value keeps its place with U+FFFD instead. A search of each
  // cell (no joined copy of the row to allocate) finds the rare row that needs a closer look; a
  // plain loop, as this runs for every row (two some() with closures were 7% of staging's worker).
  function cleanCells(record: CsvRow): string[] {
    const cells = record.cells;
    let suspect = false;
    for (let i = 0; i < cells.length && !suspect; i++) suspect = cells[i]!.includes("\u0000") || cells[i]!.includes(REPLACEMENT);
    if (!suspect) return cells;
    const hasNul = cells.some((cell) => cell.includes("\u0000"));
    if (!hasNul) {
      undecodable.add(record.line);
      return record.cells;
    }
    nul.add(record.line);
    return record.cells.map((cell) => cell.replace(NUL, REPLACEMENT));
  }

  function finish(): StageSummary {
    const normalized = headerCells ? normalizeHeaders(headerCells) : { headers: numbered(width ?? 0), problems: [] };
    const notices: Notice[] = normalized.problems.map((p) => ({ column: p.column, message: p.message }));
    if (blank.count > 0) notices.push({ message: `${blank.describe("is blank", "are blank")} and ${blank.count === 1 ? "was" : "were"} skipped.` });
    if (nul.count > 0) notices.push({ message: `${nul.describe("has", "have")} NUL bytes, replaced with \uFFFD.` });
    if (undecodable.count > 0) {
      notices.push({
        message: `${undecodable.describe("has", "have")} bytes that are not valid ${options.encoding}, shown as \uFFFD. If the file was saved in another encoding, choose it and the file is read again.`,
      });
    }
    return { headers: normalized.headers, rows, unreadable, notices };
  }

  return { take, finish };
}

// Excel pads rows with empty cells past the last column (a,b,c,,); those are not extra values.
function fitWidth(cells: string[], width: number): string[] {
  if (cells.length <= width) return cells;
  let end = cells.length;
  while (end > width && cells[end - 1] === "") end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

function widthProblem(count: number, width: number, header: boolean): string {
  const expected = header ? `the header has ${width} columns` : `the first row has ${width} values`;
  return `This row has ${count} ${count === 1 ? "value" : "values"} but ${expected}${count > width ? "; check for an unquoted delimiter in a value" : ""}.`;
}

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `Column ${i + 1}`);

function lineList() {
  const listed: number[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(line: number) {
      count += 1;
      if (listed.length < LISTED_LINES) listed.push(line);
    },
    describe(one: string, many: string) {
      const more = count > listed.length ? ` and ${count - listed.length} more` : "";
      return count === 1 ? `Line ${listed[0]} ${one}` : `Lines ${listed.join(", ")}${more} ${many}`;
    },
  };
}
