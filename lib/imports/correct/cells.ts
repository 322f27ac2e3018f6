// Corrections to a staged row's cells, kept apart from what the file said: import_rows.fields stays
// the file's cells, import_rows.corrections holds only the changed cells by column index. Pure.
import type { Mapping } from "../settings";

/** Changed cells by column index ("3": "TX"): JSON object keys, as stored in import_rows.corrections. */
export type Corrections = Record<string, string>;

/** The row's cells with its corrections applied: what validation checks and the import maps. */
export function correctedCells(fields: string[], corrections: Corrections | null): string[] {
  if (!corrections) return fields;
  const cells = [...fields];
  for (const [column, value] of Object.entries(corrections)) cells[Number(column)] = value;
  return cells;
}

export type ColumnsResult = { status: "ok"; columns: Map<number, string> } | { status: "invalid"; message: string };

/**
 * Which column each key names: the file's column name (its header, or "Column 3" without a header
 * row), or else the id of the field a column is mapped to. An unknown key is refused with the
 * names that would do.
 */
export function columnsOf(headers: string[], mapping: Mapping, fields: Record<string, string>): ColumnsResult {
  const columns = new Map<number, string>();
  for (const [key, value] of Object.entries(fields)) {
    const column = columnNamed(headers, mapping, key);
    if (column === null) {
      return { status: "invalid", message: `"${key}" is neither a column of the file nor a mapped field. Columns: ${headers.join(", ")}.` };
    }
    columns.set(column, value);
  }
  return { status: "ok", columns };
}

export function columnNamed(headers: string[], mapping: Mapping, key: string): number | null {
  const byHeader = headers.indexOf(key);
  if (byHeader >= 0) return byHeader;
  const byField = mapping.find((entry) => entry.fieldId === key);
  return byField && byField.column < headers.length ? byField.column : null;
}

/**
 * The row's corrections after these edits: a cell set back to what the file said is no longer a
 * correction. Null when nothing differs from the file.
 */
export function mergeCorrections(fields: string[], current: Corrections | null, edits: Map<number, string>): Corrections | null {
  const next: Corrections = { ...current };
  for (const [column, value] of edits) {
    if ((fields[column] ?? "") === value) delete next[String(column)];
    else next[String(column)] = value;
  }
  return Object.keys(next).length === 0 ? null : next;
}

/** "Replace X with Y": X matches a whole cell, ignoring case and the spaces around it; an empty X matches empty cells. */
export function cellMatches(cell: string | undefined, find: string): boolean {
  return (cell ?? "").trim().toLowerCase() === find.trim().toLowerCase();
}
