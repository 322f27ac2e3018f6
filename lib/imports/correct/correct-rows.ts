// Fixing bad rows in place (issue #16), while the import waits for confirmation: a row's cells are
// corrected, checked again at once as validation checks them, and its problems and the import's
// counts move in the same transaction, with its audit entry and its place among the file's
// duplicates (row-keys.ts). The file's cells stay as they were (import_rows.fields); the corrections
// are kept beside them with who made them, for the lead's raw data and timeline.
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { withTransaction, type SqlTransaction } from "@/db/transaction";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Mapping } from "../settings";
import type { RowProblem } from "../stage/staged-rows";
import { cellMatches, columnNamed, columnsOf, correctedCells, mergeCorrections, type Corrections } from "./cells";
import { rowCheckerFor, type RowChecker } from "./recheck";
import { rekeyRow } from "./row-keys";

export type CorrectedRow = { line: number; cells: string[]; problems: RowProblem[]; duplicateOfLine: number | null; corrected: boolean };

type Refused = { status: "conflict" | "invalid" | "missing"; message: string };
export type CorrectResult = { status: "ok"; row: CorrectedRow } | Refused;
export type ReplaceResult = { status: "ok"; corrected: number; fixed: number } | Refused;

export const NOT_AWAITING =
  "Rows can be corrected only while the import waits for confirmation: after validation, before it is imported. Validate it again (or start a new import) to correct rows.";

type StagedRow = {
  line: number;
  fields: string[];
  problem: string | null;
  problems: RowProblem[] | null;
  duplicate_of_line: number | null;
  corrections: Corrections | null;
};

const ROW_COLUMNS = "line, fields, problem, problems, duplicate_of_line, corrections";

/** `fields`: new cell values by column name (or mapped field id), unparsed values already strings. */
export async function correctRow(database: Database, imp: Import, line: number, fields: Record<string, string>, actor: AuditActor): Promise<CorrectResult> {
  if (imp.status !== "validated") return { status: "conflict", message: NOT_AWAITING };
  if (Object.keys(fields).length === 0) return { status: "invalid", message: "fields must name at least one column to correct." };
  const edits = columnsOf(imp.headers as string[], imp.mapping as Mapping, fields);
  if (edits.status !== "ok") return edits;
  const check = await rowCheckerFor(database, imp);
  return withTransaction(database, async (tx): Promise<CorrectResult> => {
    if (!(await lockAwaiting(tx, imp.id))) return { status: "conflict", message: NOT_AWAITING };
    const row = await lockedRow(tx, imp.id, line);
    if (!row) return { status: "missing", message: `This import has no line ${line}.` };
    if (row.problem !== null) return { status: "invalid", message: unreadable(row) };
    const moved = await applyEdits(tx, { importId: imp.id, check, by: actor.email }, row, edits.columns);
    await moveCounts(tx, imp.id, [moved]);
    const columns = [...edits.columns.keys()].map((column) => (imp.headers as string[])[column] ?? `Column ${column + 1}`);
    await recordAudit(tx, { accountId: imp.accountId, actor, action: "import.row_corrected", target: importTarget(imp), details: { line, columns } });
    return { status: "ok", row: moved.row };
  });
}

/** Rows with problems read per transaction by "replace X with Y": few enough to hold the import's lock briefly. */
const REPLACE_PAGE = 500;

/**
 * "Replace X with Y in column C" across every row with problems: a cell matching X whole (case and
 * surrounding spaces aside; an empty X matches empty cells) becomes Y, and its row is checked again.
 */
export async function replaceInColumn(database: Database, imp: Import, input: { column: string; find: string; replace: string }, actor: AuditActor): Promise<ReplaceResult> {
  if (imp.status !== "validated") return { status: "conflict", message: NOT_AWAITING };
  const column = columnNamed(imp.headers as string[], imp.mapping as Mapping, input.column);
  if (column === null) return { status: "invalid", message: `"${input.column}" is not a column of this file.` };
  const check = await rowCheckerFor(database, imp);
  const context = { importId: imp.id, check, by: actor.email };
  let corrected = 0;
  let fixed = 0;
  for (let after = 0; after >= 0; ) {
    const page = await withTransaction(database, async (tx) => {
      if (!(await lockAwaiting(tx, imp.id))) return null;
      const { rows } = await tx.query<StagedRow>(
        `select ${ROW_COLUMNS} from import_rows where import_id = $1 and line > $2 and problem is null
           and (problems is not null or duplicate_of_line is not null) order by line limit $3 for update`,
        [imp.id, after, REPLACE_PAGE],
      );
      const matching = rows.filter((row) => cellMatches(correctedCells(row.fields, row.corrections)[column], input.find));
      const moves: Move[] = [];
      const touched = new Set<number>();
      for (const read of matching) {
        // An earlier row of this page may have moved this one's duplicate mark (row-keys.ts): read it again.
        const row = touched.has(read.line) ? await lockedRow(tx, imp.id, read.line) : read;
        const move = await applyEdits(tx, context, row!, new Map([[column, input.replace]]));
        for (const line of move.touched) touched.add(line);
        moves.push(move);
      }
      await moveCounts(tx, imp.id, moves);
      if (moves.length > 0) {
        const details = { column: (imp.headers as string[])[column], find: input.find, replace: input.replace, rows: moves.length, lines: moves.map((m) => m.row.line) };
        await recordAudit(tx, { accountId: imp.accountId, actor, action: "import.column_replaced", target: importTarget(imp), details });
      }
      return { last: rows.length === REPLACE_PAGE ? rows.at(-1)!.line : -1, moves };
    });
    if (page === null) return corrected === 0 ? { status: "conflict", message: NOT_AWAITING } : { status: "ok", corrected, fixed };
    corrected += page.moves.length;
    fixed += page.moves.filter((m) => m.row.problems.length === 0 && m.row.duplicateOfLine === null).length;
    after = page.last;
  }
  return { status: "ok", corrected, fixed };
}

/** Locks the import row against confirm and cancel while its rows change; false unless it still waits for confirmation. */
async function lockAwaiting(tx: SqlTransaction, importId: string): Promise<boolean> {
  const { rows } = await tx.query<{ status: string }>("select status from imports where id = $1 for update", [importId]);
  return rows[0]?.status === "validated";
}

type Context = { importId: string; check: RowChecker; by: string };
type Move = { row: CorrectedRow; invalid: number; duplicates: number; touched: number[] };

async function lockedRow(tx: SqlTransaction, importId: string, line: number): Promise<StagedRow | undefined> {
  const { rows } = await tx.query<StagedRow>(`select ${ROW_COLUMNS} from import_rows where import_id = $1 and line = $2 for update`, [importId, line]);
  return rows[0];
}

async function applyEdits(tx: SqlTransaction, context: Context, row: StagedRow, edits: Map<number, string>): Promise<Move> {
  const corrections = mergeCorrections(row.fields, row.corrections, edits);
  const cells = correctedCells(row.fields, corrections);
  const { problems, key } = context.check(cells);
  // Only a valid row that repeats no other line holds a key (validate/checked-rows.ts).
  const heldKey = row.problems === null && row.duplicate_of_line === null ? context.check(correctedCells(row.fields, row.corrections)).key : null;
  const rekeyed = await rekeyRow(tx, { importId: context.importId, line: row.line, heldKey, newKey: problems.length === 0 ? key : null });
  const duplicateOfLine = rekeyed.duplicateOfLine;
  await tx.query(
    `update import_rows set corrections = $3::jsonb, corrected_by = $4, corrected_at = now(), problems = $5::jsonb, duplicate_of_line = $6
     where import_id = $1 and line = $2`,
    [context.importId, row.line, corrections && JSON.stringify(corrections), corrections && context.by, problems.length > 0 ? JSON.stringify(problems) : null, duplicateOfLine],
  );
  const wasInvalid = row.problems !== null ? 1 : 0;
  const wasDuplicate = row.duplicate_of_line !== null ? 1 : 0;
  return {
    row: { line: row.line, cells, problems, duplicateOfLine, corrected: corrections !== null },
    invalid: (problems.length > 0 ? 1 : 0) - wasInvalid,
    duplicates: (duplicateOfLine !== null ? 1 : 0) - wasDuplicate + rekeyed.others,
    touched: rekeyed.touched,
  };
}

const importTarget = (imp: Import) => ({ type: "import" as const, id: imp.id, label: imp.fileName });

async function moveCounts(tx: SqlTransaction, importId: string, moves: Move[]): Promise<void> {
  const invalid = moves.reduce((sum, m) => sum + m.invalid, 0);
  const duplicates = moves.reduce((sum, m) => sum + m.duplicates, 0);
  if (moves.length === 0) return;
  await tx.query("update imports set invalid_rows = invalid_rows + $2, duplicate_rows = duplicate_rows + $3, updated_at = now() where id = $1", [importId, invalid, duplicates]);
}

function unreadable(row: StagedRow): string {
  return `Line ${row.line} could not be read (${row.problem}), so its cells cannot be matched to columns. Fix it in the file and upload it again.`;
}
