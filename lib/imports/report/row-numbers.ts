// The spreadsheet row of staged records, by line (see row-label.ts). Rows are not stored: a record's
// row is how many records come up to it, counted here on the (import_id, line) primary key, for
// one page of lines at a time (never for the CSV files, which keep import_line_num only).
import type { Database } from "@/db/client";
import { rowAfter } from "./row-label";
import { queryOf } from "../stage/staged-rows";

export async function rowsOfLines(database: Database, importId: string, lines: number[], header: boolean): Promise<Map<number, number>> {
  if (lines.length === 0) return new Map();
  const min = Math.min(...lines);
  const max = Math.max(...lines);
  const { rows } = await queryOf(database)<{ line: number; n: number }>(
    `select line, n from (
       select line, (row_number() over (order by line))::int
         + (select count(*) from import_rows where import_id = $1 and line < $2)::int as n
       from import_rows where import_id = $1 and line between $2 and $3
     ) counted where line = any($4::int[])`,
    [importId, min, max, lines],
  );
  return new Map(rows.map((r) => [r.line, rowAfter(r.n, header)]));
}
