// The imports table. Functions take the database explicitly, like lib/flow/lead-store.ts, because
// the standalone worker (tsx, no server-only modules) runs them as well as the app.
import { and, desc, eq, inArray, isNotNull, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { importFiles, importLines, importRowKeys, importRows, imports, type Import } from "@/db/schema";
import { vacuumSoon } from "@/lib/maintenance/vacuum";
import { drizzleQuery, recordImportEnd } from "@/lib/notifications/outbox";
import type { Mapping } from "./settings";

/** startedBy: the person uploading (emailed when the import ends); absent for a source's key or docs link. */
export type ImportTarget = { accountId: string; flowId: string | null; sourceId: string | null; startedBy?: string | null };

/** Who may see an import: the account, narrowed to one source for API keys and docs links. */
export type ImportAccess = { accountId: string; sourceId?: string };

export async function insertImport(database: Database, values: typeof imports.$inferInsert): Promise<void> {
  await database.db.insert(imports).values(values);
}

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

/** insertImport inside a plain-SQL transaction (lib/imports/stage/upload-limits.ts takes the upload's place in it). */
export async function insertImportIn(query: Query, values: ImportTarget & { id: string; fileName: string; settings: unknown }): Promise<void> {
  await query("insert into imports (id, account_id, flow_id, source_id, file_name, settings, started_by) values ($1, $2, $3, $4, $5, $6, $7)", [
    values.id,
    values.accountId,
    values.flowId,
    values.sourceId,
    values.fileName,
    JSON.stringify(values.settings),
    values.startedBy ?? null,
  ]);
}

export async function getImport(database: Database, id: string): Promise<Import | null> {
  const [row] = await database.db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

/** The import when `access` may see it; another account's (or source's) import is null, like a missing one. */
export async function getImportFor(database: Database, access: ImportAccess, id: string): Promise<Import | null> {
  const row = await getImport(database, id);
  if (!row || row.accountId !== access.accountId) return null;
  if (access.sourceId !== undefined && row.sourceId !== access.sourceId) return null;
  return row;
}

export async function updateImport(database: Database, id: string, patch: Partial<typeof imports.$inferInsert>, where?: SQL) {
  return updateImportIn(database.db, id, patch, where);
}

/** updateImport on a given connection or transaction (a change audited in the same transaction). */
export async function updateImportIn(db: Db, id: string, patch: Partial<typeof imports.$inferInsert>, where?: SQL) {
  const rows = await db
    .update(imports)
    .set({ ...patch, updatedAt: new Date() })
    .where(where ? and(eq(imports.id, id), where) : eq(imports.id, id))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Moves an import from one of `from` to `to`; false when another request moved it first. */
export async function moveStatus(database: Database, id: string, from: Import["status"][], to: Import["status"], patch: Partial<typeof imports.$inferInsert> = {}) {
  return moveStatusIn(database.db, id, from, to, patch);
}

export async function moveStatusIn(db: Db, id: string, from: Import["status"][], to: Import["status"], patch: Partial<typeof imports.$inferInsert> = {}) {
  return updateImportIn(db, id, { ...patch, status: to }, sql`${imports.status} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})`);
}

export async function deleteImport(database: Database, id: string): Promise<void> {
  // import_lines has no foreign key (a check per saved lead): its rows go here. The leads stay.
  await database.db.delete(importLines).where(eq(importLines.importId, id));
  await database.db.delete(imports).where(eq(imports.id, id));
}

/**
 * Deletes an import with its staged rows and file pieces (they cascade) and has their space
 * vacuumed in the background, so that it is reused: a refused upload leaves nothing behind, not even
 * allocated space (lib/maintenance/vacuum.ts).
 */
export async function discardImport(database: Database, id: string): Promise<void> {
  await deleteImport(database, id);
  void vacuumSoon(database.db, STAGED_TABLES);
}

const STAGED_TABLES = ["import_rows", "import_files", "import_row_keys"] as const;

/**
 * Deletes what these imports staged (rows, their keys, file pieces) but keeps the imports, and has
 * the space vacuumed: one cancelled while its file was still arriving stays listed as cancelled, an
 * abandoned upload as failed, with nothing stored.
 */
export async function discardStaged(database: Database, ids: string[]): Promise<void> {
  await database.db.delete(importRows).where(inArray(importRows.importId, ids));
  await database.db.delete(importRowKeys).where(inArray(importRowKeys.importId, ids));
  await database.db.delete(importFiles).where(inArray(importFiles.importId, ids));
  void vacuumSoon(database.db, STAGED_TABLES);
}

export async function listImports(database: Database, access: ImportAccess, options: { limit: number; before?: string }) {
  const conditions = [eq(imports.accountId, access.accountId)];
  if (access.sourceId !== undefined) conditions.push(eq(imports.sourceId, access.sourceId));
  if (options.before) conditions.push(lt(imports.id, options.before));
  return database.db
    .select()
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.id))
    .limit(options.limit);
}

/**
 * What the same source (or, for multi-flow files, the same account) mapped last time, as
 * header -> field id: the wizard offers it for headers it has seen before.
 */
export async function previousMapping(database: Database, current: Import): Promise<Record<string, string>> {
  const [row] = await database.db
    .select({ headers: imports.headers, mapping: imports.mapping })
    .from(imports)
    .where(
      and(
        eq(imports.accountId, current.accountId),
        current.sourceId ? eq(imports.sourceId, current.sourceId) : isNull(imports.sourceId),
        isNotNull(imports.mapping),
        ne(imports.id, current.id),
      ),
    )
    .orderBy(desc(imports.id))
    .limit(1);
  if (!row) return {};
  const headers = row.headers as string[];
  const previous: Record<string, string> = {};
  for (const { column, fieldId } of row.mapping as Mapping) {
    const header = headers[column];
    if (header !== undefined && fieldId !== null) previous[header] = fieldId;
  }
  return previous;
}

/**
 * Imports a worker should be running that nobody has moved since `olderThan`: their job died.
 * Touches them as it returns them, so of several workers looking at once only one queues each.
 */
export async function claimStalledImports(database: Database, olderThan: Date): Promise<string[]> {
  const rows = await database.db
    .update(imports)
    .set({ updatedAt: new Date() })
    .where(and(sql`${imports.status} in ('validating', 'importing')`, lt(imports.updatedAt, olderThan)))
    .returning({ id: imports.id });
  return rows.map((r) => r.id);
}

/**
 * Uploads that never finished (the process receiving them died, so nothing moved them since
 * `quietSince`): failed, with a reason, not left "receiving"; what they had stored is deleted.
 */
export async function failAbandonedUploads(database: Database, quietSince: Date): Promise<number> {
  // The "ended" notices (lib/notifications) commit with the status, as for every import's end.
  const rows = await database.db.transaction(async (tx) => {
    const failed = await tx
      .update(imports)
      .set({ status: "failed", error: "The upload did not finish. Upload the file again.", bytes: 0, updatedAt: new Date(), completedAt: new Date() })
      .where(and(eq(imports.status, "receiving"), lt(imports.updatedAt, quietSince)))
      .returning({ id: imports.id });
    for (const { id } of failed) await recordImportEnd(drizzleQuery(tx), id);
    return failed;
  });
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await discardStaged(database, ids);
  return rows.length;
}
