// The steps of an import after upload, as state changes: settings (re-stage), validate, confirm,
// cancel. Each checks the status it starts from in the same UPDATE that moves it, so two requests
// racing cannot both win. Background work is handed to the queue through `enqueue`.
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { drizzleQuery, recordImportEnd } from "@/lib/notifications/outbox";
import { restage, type StageResult } from "./stage/stage";
import type { ImportMode, Mapping, SettingsOverride } from "./settings";
import { deleteStagingResults } from "./stage/staged-rows";
import { moveStatus, moveStatusIn } from "./store";

export type Enqueue = (importId: string) => Promise<void>;

export type StepResult = { status: "ok" } | { status: "conflict"; message: string };

const conflict = (message: string): StepResult => ({ status: "conflict", message });

export async function changeSettings(database: Database, imp: Import, override: SettingsOverride): Promise<StageResult | StepResult> {
  if (imp.status !== "staged" && imp.status !== "validated") return conflict("The file's settings can change only before the import starts.");
  return restage(database, imp.id, override);
}

/**
 * Starts validation; with a mode, the import follows on its own once validation is done (the API's
 * auto=1, or confirm before validating). Earlier validation results are cleared first.
 */
export async function startValidation(database: Database, imp: Import, enqueue: Enqueue, mode: ImportMode | null = null): Promise<StepResult> {
  if (!Array.isArray(imp.mapping) || (imp.mapping as Mapping).length === 0) return conflict("Map the file's columns before validating.");
  const started = await withTransaction(database, async (tx) => {
    const { rows } = await tx.query(
      `update imports set status = 'validating', mode = $2, invalid_rows = 0, duplicate_rows = 0, validated_rows = 0,
         validated_line = null, updated_at = now()
       where id = $1 and status in ('staged', 'validated') returning id`,
      [imp.id, mode],
    );
    if (rows.length === 0) return false;
    await deleteStagingResults(tx.query, imp.id);
    return true;
  });
  if (!started) return conflict("This import is already being validated or imported.");
  await enqueue(imp.id);
  return { status: "ok" };
}

/** Imports the validated rows: "all" (invalid rows fail with their reason) or "valid" (they are only reported). */
export async function confirmImport(database: Database, imp: Import, mode: ImportMode, enqueue: Enqueue): Promise<StepResult> {
  if (imp.status === "staged") return startValidation(database, imp, enqueue, mode);
  const moved = await moveStatus(database, imp.id, ["validated"], "importing", { mode });
  if (!moved) return conflict("Only a validated import can be confirmed.");
  await enqueue(imp.id);
  return { status: "ok" };
}

/**
 * Stops an import; a running job finishes its current batch and goes no further. The audit entry
 * (who cancelled: a person, or a source through its key or docs link) commits with the change.
 */
export async function cancelImport(database: Database, imp: Import, actor: AuditActor): Promise<StepResult> {
  const moved = await database.db.transaction(async (tx) => {
    const done = await moveStatusIn(tx, imp.id, ["receiving", "staged", "validating", "validated", "importing"], "cancelled", { completedAt: new Date() });
    if (done) {
      const target = { type: "import" as const, id: imp.id, label: imp.fileName };
      await recordAudit(tx, { accountId: imp.accountId, actor, action: "import.cancelled", target, details: { from: imp.status } });
      await recordImportEnd(drizzleQuery(tx), imp.id);
    }
    return done;
  });
  return moved ? { status: "ok" } : conflict("This import has already finished.");
}
