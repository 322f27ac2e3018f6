"use server";

import { z } from "zod";
import type { AuditActor } from "@/lib/audit/record";
import { isId } from "@/lib/ids";
import { resumeImportRun } from "@/lib/imports/run/resume";
import { cancelImportRun, confirmImportRun, setImportMapping, setImportSettings, validateImport, type ImportAccess } from "@/lib/imports/service";
import { changingCaller, scopeSchema } from "./import-caller";

// The import wizard's steps after the upload (the upload itself is a route handler: a Server Action
// would hold the whole file in memory). Each action names its caller (holder or docs token) and the
// import; the caller is authorized here for that import, never trusted from the browser. A person
// needs imports:write to change an import (a viewer only watches); a docs link always may, for its own
// source's imports.

export type ImportActionState = { status: "ok" } | { status: "error"; message: string };

const idInput = z.object({ scope: scopeSchema, id: z.string().refine(isId) });

const STALE = "This page is out of date. Reload it and try again.";
const GONE = "This import no longer exists, or this link no longer reaches it.";

type Outcome = { status: string; message?: string };

function answer(result: Outcome): ImportActionState {
  if (result.status === "ok") return { status: "ok" };
  if (result.status === "not_found") return { status: "error", message: GONE };
  return { status: "error", message: result.message ?? STALE };
}

/** Parses the input, then runs `step` for the authorized caller: an unknown or foreign import is GONE. */
async function withImport<S extends typeof idInput>(
  schema: S,
  input: unknown,
  step: (access: ImportAccess, data: z.infer<S>, actor: AuditActor) => Promise<Outcome>,
): Promise<ImportActionState> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: "error", message: STALE };
  const caller = await changingCaller(parsed.data.scope);
  if (!caller) return { status: "error", message: GONE };
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  return answer(await step(caller.access, parsed.data, caller.actor));
}

const settingsInput = idInput.extend({
  encoding: z.string().max(20).optional(),
  delimiter: z.string().max(10).optional(),
  // A workbook's sheet (issue #16), in place of encoding and delimiter.
  sheet: z.string().max(100).optional(),
  header: z.boolean(),
});

/** Reads the stored file again with these settings; a setting that cannot read the file changes nothing. */
export async function changeFileSettingsAction(input: unknown): Promise<ImportActionState> {
  return withImport(settingsInput, input, (access, { id, encoding, delimiter, sheet, header }) => setImportSettings(access, id, { encoding, delimiter, sheet, header }));
}

const mappingInput = idInput.extend({ mapping: z.array(z.object({ column: z.number().int().min(0), fieldId: z.string().max(200).nullable() })).max(2000) });

/** Saves the mapping and starts validating: the next page shows validation's progress. */
export async function saveMappingAndValidateAction(input: unknown): Promise<ImportActionState> {
  return withImport(mappingInput, input, async (access, { id, mapping }) => {
    const saved = await setImportMapping(access, id, mapping);
    return saved.status === "ok" ? validateImport(access, id) : saved;
  });
}

/** "Import all rows" or "Import only valid rows". */
export async function confirmImportAction(input: unknown): Promise<ImportActionState> {
  return withImport(idInput.extend({ mode: z.enum(["all", "valid"]) }), input, (access, { id, mode }) => confirmImportRun(access, id, mode));
}

export async function cancelImportAction(input: unknown): Promise<ImportActionState> {
  return withImport(idInput, input, (access, { id }, actor) => cancelImportRun(access, id, actor));
}

/** Issue #6: carry on from the first line without a lead. */
export async function resumeImportAction(input: unknown): Promise<ImportActionState> {
  return withImport(idInput, input, (access, { id }) => resumeImportRun(access, id));
}
