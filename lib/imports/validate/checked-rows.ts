// What validation writes for a batch of checked rows, inside the batch's transaction: each failing
// row's problems, each dedupe key claimed by its first line (import_row_keys), later lines marked
// duplicate_of_line, and the counters with validated_line. The validation job writes through here,
// and so does an import that validates as it goes (its mode chosen before validation ran), so
// problems.csv and the counters read the same whichever way a file went.
import type { SqlTransaction } from "@/db/transaction";
import type { RowCheck } from "./row-check";
import type { RowProblem } from "../stage/staged-rows";

/** A batch's rows checked: the invalid ones with their problems, the valid ones with a dedupe key. */
export type Checked = {
  /** Rows checked, invalid or not. */
  count: number;
  lastLine: number;
  invalid: Array<{ line: number; problems: RowProblem[] }>;
  keyed: Array<{ line: number; key: string }>;
};

export const noneChecked = (): Checked => ({ count: 0, lastLine: 0, invalid: [], keyed: [] });

export function addCheck(checked: Checked, line: number, check: RowCheck) {
  checked.count += 1;
  checked.lastLine = line;
  if (check.problems.length > 0) checked.invalid.push({ line, problems: check.problems });
  else if (check.key !== null) checked.keyed.push({ line, key: check.key });
}

/** A row that has a problem before any field is read: unreadable, or naming no flow or source of the account. */
export const problemCheck = (problem: RowProblem): RowCheck => ({ problems: [problem], key: null });

export type Duplicate = { line: number; first: number };

/** Saves the batch's checks and moves the counters past it; returns the lines that repeat an earlier line's key. */
export async function saveChecks(tx: SqlTransaction, importId: string, checked: Checked): Promise<Duplicate[]> {
  const { invalid } = checked;
  const duplicates = await claimKeys(tx, importId, checked.keyed);
  if (invalid.length > 0) {
    await tx.query(
      `update import_rows r set problems = v.problems::jsonb from unnest($2::int[], $3::text[]) as v(line, problems)
       where r.import_id = $1 and r.line = v.line`,
      [importId, invalid.map((i) => i.line), invalid.map((i) => JSON.stringify(i.problems))],
    );
  }
  if (duplicates.length > 0) {
    await tx.query(
      `update import_rows r set duplicate_of_line = v.first from unnest($2::int[], $3::int[]) as v(line, first)
       where r.import_id = $1 and r.line = v.line`,
      [importId, duplicates.map((d) => d.line), duplicates.map((d) => d.first)],
    );
  }
  await tx.query(
    `update imports set validated_rows = validated_rows + $2, invalid_rows = invalid_rows + $3,
       duplicate_rows = duplicate_rows + $4, validated_line = $5, updated_at = now() where id = $1`,
    [importId, checked.count, invalid.length, duplicates.length, checked.lastLine],
  );
  return duplicates;
}

/**
 * The first line with a key keeps it; every other line with that key, in this batch or after an
 * earlier batch claimed it, is a duplicate of that first line.
 */
async function claimKeys(tx: SqlTransaction, importId: string, keyed: Array<{ line: number; key: string }>): Promise<Duplicate[]> {
  const firstLine = new Map<string, number>();
  for (const { line, key } of keyed) if (!firstLine.has(key)) firstLine.set(key, line);
  if (firstLine.size > 0) {
    const { rows: claimed } = await tx.query<{ key: string }>(
      `insert into import_row_keys (import_id, key, line) select $1, k, l from unnest($2::text[], $3::int[]) as u(k, l)
       on conflict do nothing returning key`,
      [importId, [...firstLine.keys()], [...firstLine.values()]],
    );
    const won = new Set(claimed.map((r) => r.key));
    const lost = [...firstLine.keys()].filter((key) => !won.has(key));
    if (lost.length > 0) {
      const { rows: earlier } = await tx.query<{ key: string; line: number }>(
        "select key, line from import_row_keys where import_id = $1 and key = any($2::text[])",
        [importId, lost],
      );
      for (const { key, line } of earlier) firstLine.set(key, line);
    }
  }
  return keyed.filter(({ line, key }) => firstLine.get(key) !== line).map(({ line, key }) => ({ line, first: firstLine.get(key)! }));
}
