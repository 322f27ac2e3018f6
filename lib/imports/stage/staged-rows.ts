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

/** The next rows after `afterLine`, in file order. */
export async function readRows(query: Query, importId: string, afterLine: number, limit: number): Promise<StoredRow[]> {
  const { rows } = await query<StoredRow & { corrections: Corrections | null; corrected_by: string | null }>(
    `select line, fields, problem, problems, duplicate_of_line, corrections, corrected_by from import_rows
     where import_id = $1 and line > $2 order by line limit $3`,
    [importId, afterLine, limit],
  );
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
