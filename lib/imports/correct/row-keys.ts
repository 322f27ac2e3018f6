// A corrected row's place among the file's duplicates, as validation would have left it had the file
// said this (validate/checked-rows.ts): the first line with a dedupe key holds it in import_row_keys,
// and every later line with that key is marked duplicate_of_line of it. Validation keeps the keys
// until the import ends for this, so one row is re-keyed with a few indexed statements, never by
// reading the rest of the file. An import validated before the keys were kept has none: its
// corrected rows are then compared with nothing, and the flow's dedupe still catches them at import.
import type { SqlTransaction } from "@/db/transaction";

export type Rekeyed = {
  /** The line the corrected row now repeats, or null. */
  duplicateOfLine: number | null;
  /** How the duplicate count of the import's other rows moved (+1 when one became this row's duplicate). */
  others: number;
  /** Other lines whose duplicate mark changed, so a caller holding them re-reads them. */
  touched: number[];
};

type Rekey = {
  importId: string;
  line: number;
  /** The key it had before the correction, if it held one (valid and not a duplicate); null otherwise. */
  heldKey: string | null;
  /** Its key after the check: null when it now has problems or nothing to dedupe on. */
  newKey: string | null;
};

export async function rekeyRow(tx: SqlTransaction, rekey: Rekey): Promise<Rekeyed> {
  const result: Rekeyed = { duplicateOfLine: null, others: 0, touched: [] };
  if (rekey.heldKey !== null && rekey.heldKey !== rekey.newKey) await release(tx, rekey, rekey.heldKey, result);
  if (rekey.newKey !== null) await claim(tx, rekey, rekey.newKey, result);
  return result;
}

/** The row no longer has the key it held: its first duplicate takes it over, and the others repeat that line instead. */
async function release(tx: SqlTransaction, { importId, line }: Rekey, key: string, result: Rekeyed): Promise<void> {
  const { rows: held } = await tx.query<{ line: number }>("select line from import_row_keys where import_id = $1 and key = $2 for update", [importId, key]);
  if (held[0]?.line !== line) return;
  const repeats = await repeatsOf(tx, importId, line);
  const next = repeats.shift();
  if (next === undefined) {
    await tx.query("delete from import_row_keys where import_id = $1 and key = $2", [importId, key]);
    return;
  }
  await tx.query("update import_row_keys set line = $3 where import_id = $1 and key = $2", [importId, key, next]);
  await tx.query("update import_rows set duplicate_of_line = null where import_id = $1 and line = $2", [importId, next]);
  await markRepeats(tx, importId, repeats, next);
  result.others -= 1;
  result.touched.push(next, ...repeats);
}

/** The row now has this key: it repeats an earlier holder, or holds the key itself (taking it from a later line). */
async function claim(tx: SqlTransaction, { importId, line }: Rekey, key: string, result: Rekeyed): Promise<void> {
  const { rows: held } = await tx.query<{ line: number }>(
    `insert into import_row_keys (import_id, key, line) values ($1, $2, $3)
     on conflict (import_id, key) do update set line = import_row_keys.line returning line`,
    [importId, key, line],
  );
  const holder = held[0]!.line;
  if (holder < line) {
    result.duplicateOfLine = holder;
    return;
  }
  if (holder === line) return;
  // A later line held it: as in validation, the first line keeps a key, so that line and its repeats now repeat this one.
  const repeats = await repeatsOf(tx, importId, holder);
  await tx.query("update import_row_keys set line = $3 where import_id = $1 and key = $2", [importId, key, line]);
  await markRepeats(tx, importId, [holder, ...repeats], line);
  result.others += 1;
  result.touched.push(holder, ...repeats);
}

// duplicate_of_line is only ever set on rows the partial index import_rows_problem_lines_idx covers.
async function repeatsOf(tx: SqlTransaction, importId: string, line: number): Promise<number[]> {
  const { rows } = await tx.query<{ line: number }>(
    `select line from import_rows where import_id = $1 and duplicate_of_line = $2
       and (problems is not null or duplicate_of_line is not null) order by line for update`,
    [importId, line],
  );
  return rows.map((r) => r.line);
}

async function markRepeats(tx: SqlTransaction, importId: string, lines: number[], first: number): Promise<void> {
  if (lines.length === 0) return;
  await tx.query("update import_rows set duplicate_of_line = $3 where import_id = $1 and line = any($2::int[])", [importId, lines, first]);
}
