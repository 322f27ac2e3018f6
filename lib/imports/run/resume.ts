import "server-only";
import { getDatabase } from "@/db";
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { logger } from "@/lib/logger";
import { enqueueImport, getQueue } from "../jobs/queue";
import { getImportFor, moveStatus, type ImportAccess } from "../store";
import type { Enqueue, StepResult } from "../workflow";

// "Import the remaining rows" (beyond LeadConduit): an import that stopped (cancelled, or failed on
// something outside it) carries on from the first line without a lead. Nothing is reset: the job
// reads rows after last_line, and import_lines' primary key (import_id, line), written in the
// statement that saves the leads, makes a second lead for a line impossible, so no row is imported,
// or charged, twice.

const RESUMABLE: Import["status"][] = ["cancelled", "failed"];

/** Whether the page should offer "Import the remaining rows": the import was confirmed and stopped before its last row. */
export function canResume(imp: Pick<Import, "status" | "mode" | "rows" | "processedRows" | "mapping">): boolean {
  return RESUMABLE.includes(imp.status) && imp.mode !== null && imp.mapping !== null && imp.processedRows < imp.rows;
}

/**
 * Moves a stopped import back to work and queues its job. Validation that was cut short carries on
 * first (from validated_line); the import follows on its own because the mode is already chosen.
 */
export async function resumeImport(database: Database, imp: Import, enqueue: Enqueue): Promise<StepResult> {
  if (!RESUMABLE.includes(imp.status)) return { status: "conflict", message: "Only a cancelled or stopped import can continue." };
  if (!canResume(imp)) return { status: "conflict", message: "This import never started importing, or every row is done: start a new import instead." };
  const next = imp.validatedRows < imp.rows ? "validating" : "importing";
  const moved = await moveStatus(database, imp.id, RESUMABLE, next, { completedAt: null, error: null, reasonCounts: null });
  if (!moved) return { status: "conflict", message: "This import has already been started again." };
  await enqueue(imp.id);
  return { status: "ok" };
}

async function enqueue(importId: string) {
  const boss = await getQueue(getDatabase(), { supervise: false, onError: (err) => logger.error({ err }, "import queue error") });
  await enqueueImport(boss, importId);
}

/** The service-style entry for pages and the API: an import outside `access` is not_found. */
export async function resumeImportRun(access: ImportAccess, id: string): Promise<StepResult | { status: "not_found" }> {
  const database = getDatabase();
  const imp = await getImportFor(database, access, id);
  return imp ? resumeImport(database, imp, enqueue) : { status: "not_found" };
}
