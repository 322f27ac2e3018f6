import "server-only";
import { getDatabase } from "@/db";
import type { AuditActor } from "@/lib/audit/record";
import { getImportView, type ImportView } from "../service";
import { getImportFor, type ImportAccess } from "../store";
import { correctRow, replaceInColumn, type CorrectedRow, type CorrectResult, type ReplaceResult } from "./correct-rows";

// Fixing bad rows in place for pages, actions and route handlers: each takes an already-authorized
// caller's access, and an import outside it is "not_found", like a missing one.

type NotFound = { status: "not_found" };
export type RowAnswer = { status: "ok"; row: CorrectedRow; import: ImportView } | Exclude<CorrectResult, { status: "ok" }> | NotFound;

/** Corrects one row's cells (by column name or mapped field id) and answers with its new problems and the import's counts. */
export async function correctImportRow(access: ImportAccess, id: string, line: number, fields: Record<string, string>, actor: AuditActor): Promise<RowAnswer> {
  const imp = await getImportFor(getDatabase(), access, id);
  if (!imp) return { status: "not_found" };
  const result = await correctRow(getDatabase(), imp, line, fields, actor);
  if (result.status !== "ok") return result;
  return { status: "ok", row: result.row, import: (await getImportView(access, id))! };
}

export type ReplaceAnswer = { status: "ok"; corrected: number; fixed: number; import: ImportView } | Exclude<ReplaceResult, { status: "ok" }> | NotFound;

/** "Replace X with Y in column C" across the import's rows with problems, answered with how many changed and the import's counts. */
export async function replaceInImportColumn(
  access: ImportAccess,
  id: string,
  input: { column: string; find: string; replace: string },
  actor: AuditActor,
): Promise<ReplaceAnswer> {
  const imp = await getImportFor(getDatabase(), access, id);
  if (!imp) return { status: "not_found" };
  const result = await replaceInColumn(getDatabase(), imp, input, actor);
  if (result.status !== "ok") return result;
  return { ...result, import: (await getImportView(access, id))! };
}
