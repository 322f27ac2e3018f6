// Staged rows and the stored file: written with COPY (db/bulk-copy.ts), read back in line order.
import type { CopyRows, CopyTarget } from "@/db/bulk-copy";
import type { Database } from "@/db/client";
import { correctedCells, type Corrections } from "../correct/cells";
import { rechunk } from "../read/byte-stream";

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;
type Copy = (target: CopyTarget, rows: CopyRows) => Promise<number>;

/** Pieces of the stored file: big enough for few rows, small enough to read back one at a time. */
const FILE_PIECE_BYTES = 1024 * 1024;

export const IMPORT_ROWS: CopyTarget = { table: "import_rows", columns: ["import_id", "line", "fields", "problem"] };
const IMPORT_FILES: CopyTarget = { table: "import_files", columns: ["import_id", "seq", "bytes"] };

export function queryOf(database: Database): Query {
  if (database.kind === "pg") return async (text, params) => ({ rows: (await database.pool.query(text, params)).rows });
  return async (text, params) => ({ rows: (await database.pglite.query(text, params)).rows as never[] });
}

/** Saves the file's bytes as they stream past. */
export async function saveFile(copy: Copy, importId: string, bytes: AsyncIterable<Uint8Array>): Promise<number> {
  async function* pieces() {
    let seq = 0;
    for await (const piece of rechunk(bytes, FILE_PIECE_BYTES)) yield [importId, seq++, piece];
  }
  return copy(IMPORT_FILES, pieces());
}

/** The stored file, one piece at a time. */
export async function* readFile(query: Query, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const { rows } = await query<{ bytes: Uint8Array }>("select bytes from import_files where import_id = $1 and seq = $2", [importId, seq]);
    const piece = rows[0]?.bytes;
    if (!piece) return;
    yield piece;
  }
}

export type StoredRow = {
  line: number;
  /** The row's cells with any corrections applied: what validation checks and the import maps. */
  fields: string[];
  problem: string | null;
  problems: RowProblem[] | null;
  duplicate_of_line: number | null;
  /** Set when cells were corrected in place (issue #16): the file's own cells, the corrections and who made them. */
  corrected?: RowCorrection;
};

export type RowCorrection = { fileFields: string[]; corrections: Corrections; by: string };

export type RowProblem = { field: string | null; value: string; reason: string };

/** Lines a batch of rows is first looked for in, per row asked: a row takes one line, or more when a quoted value holds line breaks. */
const WINDOW_LINES_PER_ROW = 2;

const MAX_LINE = 2 ** 31 - 1; // the line column is an integer

const SELECT_ROWS = "select line, fields, problem, problems, duplicate_of_line, corrections, corrected_by from import_rows";

/**
 * The next rows after `afterLine`, in file order: `limit` of them while that many are left.
 *
 * Read within a window of lines, never as "every later row, the first `limit`": while the import's
 * rows are not yet in the table's statistics (a file staged seconds ago; autovacuum analyzes about a
 * minute later), PostgreSQL estimated a few hundred rows for the import and planned that as a bitmap
 * scan of all its remaining rows and a sort, for each batch: a 200,000-row import read 20 million
 * rows (profiled, issue #12). A window bounds every plan by the lines in it.
 */
export async function readRows(query: Query, importId: string, afterLine: number, limit: number): Promise<StoredRow[]> {
  type Row = StoredRow & { corrections: Corrections | null; corrected_by: string | null };
  const rows: Row[] = [];
  for (let from = afterLine, span = limit * WINDOW_LINES_PER_ROW; rows.length < limit; span *= 2) {
    const { rows: got } = await query<Row>(`${SELECT_ROWS} where import_id = $1 and line > $2 and line <= $3 order by line limit $4`, [
      importId,
      from,
      Math.min(from + span, MAX_LINE),
      limit - rows.length,
    ]);
    rows.push(...got);
    if (rows.length === limit) break;
    // Short of `limit`: the end of the file, or rows of many lines each; then a wider window from the next row.
    const { rows: next } = await query<{ line: number }>("select line from import_rows where import_id = $1 and line > $2 order by line limit 1", [
      importId,
      Math.min(from + span, MAX_LINE),
    ]);
    if (next.length === 0) break;
    from = next[0]!.line - 1;
  }
  // In place: most rows have no corrections, and a million of them should not be copied for that.
  for (const row of rows) {
    if (row.corrections === null) continue;
    row.corrected = { fileFields: row.fields, corrections: row.corrections, by: row.corrected_by ?? "" };
    row.fields = correctedCells(row.fields, row.corrections);
  }
  return rows;
}

export async function deleteStaging(query: Query, importId: string): Promise<void> {
  await query("delete from import_rows where import_id = $1", [importId]);
  await query("delete from import_row_keys where import_id = $1", [importId]);
}

/** Clears what an earlier validation wrote, before validating again. */
export async function deleteStagingResults(query: Query, importId: string): Promise<void> {
  await query(
    "update import_rows set problems = null, duplicate_of_line = null where import_id = $1 and (problems is not null or duplicate_of_line is not null)",
    [importId],
  );
  await query("delete from import_row_keys where import_id = $1", [importId]);
}
