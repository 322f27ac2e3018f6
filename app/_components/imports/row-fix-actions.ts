"use server";

import { z } from "zod";
import { isId } from "@/lib/ids";
import { correctImportRow, replaceInImportColumn } from "@/lib/imports/correct/service";
import type { RowProblem } from "@/lib/imports/stage/staged-rows";
import { changingCaller, scopeSchema } from "./import-caller";

// The validation report's fixes (issue #16): correct one row's cells, or replace a value in a column
// across every row with problems. The caller is authorized here for the import (as the wizard's other
// actions), and lib/imports/correct checks the row again and moves the counts.

export type RowFixState =
  | { status: "ok"; problems: RowProblem[]; duplicateOfLine: number | null }
  | { status: "error"; message: string };
export type ReplaceState = { status: "ok"; corrected: number; fixed: number } | { status: "error"; message: string };

const STALE = "This page is out of date. Reload it and try again.";
const GONE = "This import no longer exists, or this link no longer reaches it.";

const idInput = z.object({ scope: scopeSchema, id: z.string().refine(isId) });
const rowInput = idInput.extend({ line: z.number().int().min(1), fields: z.record(z.string().max(500), z.string().max(10_000)) });
const replaceInput = idInput.extend({ column: z.string().min(1).max(500), find: z.string().max(10_000), replace: z.string().max(10_000) });

async function callerFor(scope: z.infer<typeof scopeSchema>) {
  const caller = await changingCaller(scope);
  if (!caller) return { status: "error" as const, message: GONE };
  return caller.status === "forbidden" ? { status: "error" as const, message: caller.message } : caller;
}

/** Saves a row's cells (by column name) and answers with its problems after the check. */
export async function correctRowAction(input: unknown): Promise<RowFixState> {
  const parsed = rowInput.safeParse(input);
  if (!parsed.success) return { status: "error", message: STALE };
  const caller = await callerFor(parsed.data.scope);
  if (caller.status !== "ok") return caller;
  const { id, line, fields } = parsed.data;
  const result = await correctImportRow(caller.access, id, line, fields, caller.actor);
  if (result.status === "ok") return { status: "ok", problems: result.row.problems, duplicateOfLine: result.row.duplicateOfLine };
  return { status: "error", message: result.status === "not_found" ? GONE : result.message };
}

/** "Replace X with Y in column C" across the rows with problems. */
export async function replaceInColumnAction(input: unknown): Promise<ReplaceState> {
  const parsed = replaceInput.safeParse(input);
  if (!parsed.success) return { status: "error", message: STALE };
  const caller = await callerFor(parsed.data.scope);
  if (caller.status !== "ok") return caller;
  const { id, column, find, replace } = parsed.data;
  const result = await replaceInImportColumn(caller.access, id, { column, find, replace }, caller.actor);
  if (result.status === "ok") return { status: "ok", corrected: result.corrected, fixed: result.fixed };
  return { status: "error", message: result.status === "not_found" ? GONE : result.message };
}
