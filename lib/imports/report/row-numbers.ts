// The spreadsheet row of staged records, by line (see row-label.ts). Rows are not stored: a record's
// row is how many records come up to it, counted here on the (import_id, line) primary key, for
// one page of lines at a time (never for the CSV files, which keep import_line_num only).
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { rowAfter } from "./row-label";
import { queryOf } from "../stage/staged-rows";

export async function rowsOfLines(database: Database, imp: Pick<Import, "id" | "rows" | "status">, lines: number[], header: boolean): Promise<Map<number, number>> {
  if (lines.length === 0) return new Map();
  const query = queryOf(database);
  const min = Math.min(...lines);
  const max = Math.max(...lines);
  if (imp.status !== "receiving") {
    // A file without blank lines or records over several lines has one record per line from the
    // first: its rows follow from the lines, with no count of the rows before them (200 ms at the
    // end of a 1M-row file, issue #14). Two primary-key probes tell.
    const { rows: ends } = await query<{ first: number | null; last: number | null }>(
      "select (select min(line) from import_rows where import_id = $1) as first, (select max(line) from import_rows where import_id = $1) as last",
      [imp.id],
    );
    const { first, last } = ends[0] ?? { first: null, last: null };
    if (first !== null && last !== null && last - first + 1 === imp.rows) return new Map(lines.map((line) => [line, rowAfter(line - first + 1, header)]));
  }
  const { rows } = await query<{ line: number; n: number }>(
    `select line, n from (
       select line, (row_number() over (order by line))::int
         + (select count(*) from import_rows where import_id = $1 and line < $2)::int as n
       from import_rows where import_id = $1 and line between $2 and $3
     ) counted where line = any($4::int[])`,
    [imp.id, min, max, lines],
  );
  return new Map(rows.map((r) => [r.line, rowAfter(r.n, header)]));
}
