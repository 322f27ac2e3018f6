import "server-only";
import type { Import } from "@/db/schema";
import { getDatabase } from "@/db";
import type { AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { isId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { shutdownSignal } from "@/lib/shutdown";
import { problemsCsv, resultsCsv } from "./report/csv-files";
import { importEvents } from "./report/events";
import { progressOf, type ImportProgress } from "./report/progress";
import { getMappingView, saveMapping, suggestedMapping, type MappingView } from "./map/mapping";
import { enqueueImport, getQueue } from "./jobs/queue";
import { readProblems, readResults, type ProblemRow, type ReasonCount, type ResultRow } from "./report/report";
import type { Refusal } from "./read/refusal";
import { importModeSchema, settingsOverrideSchema, type ImportMode, type Mapping, type StoredSettings } from "./settings";
import { stageUpload } from "./stage/stage";
import { discardImport, getImport, getImportFor, listImports, type ImportAccess, type ImportTarget } from "./store";
import { resultsGoneMessage, resultsPruned } from "./retention";
import { reasonCountsOf } from "./report/reason-counts";
import { rowsOfLines } from "./report/row-numbers";
import { toImportView, WORKING_STATUSES, type ImportView } from "./report/view";
import { cancelImport, changeSettings, confirmImport, startValidation } from "./workflow";

// The import API for pages and route handlers. Every function takes an already-authorized caller:
// an ImportTarget to create an import (account + flow + source, or null flow/source for a file with
// flow_id and source_id columns), or an ImportAccess to reach one (the account, narrowed to one
// source for API keys and docs links). An import outside the access is "not_found", never "forbidden".

export type { ImportProgress, ImportAccess, ImportTarget, ImportView, MappingView, ProblemRow, ResultRow, ReasonCount, ImportMode, Mapping };

export type NotFound = { status: "not_found" };
export type Invalid = { status: "invalid"; message: string };
export type Conflict = { status: "conflict"; message: string };
export type Done<T = object> = { status: "ok" } & T;

const notFound: NotFound = { status: "not_found" };

async function enqueue(importId: string) {
  const boss = await getQueue(getDatabase(), { supervise: false, onError: (err) => logger.error({ err }, "import queue error") });
  await enqueueImport(boss, importId);
}

export type CreateImportInput = {
  body: AsyncIterable<Uint8Array>;
  contentLength: number | null;
  fileName?: string;
  /** Query-string style overrides: { header: "false", delimiter: "tab", encoding: "windows-1252" }. */
  settings?: Record<string, unknown>;
  /** Map with the suggestions, validate and import all rows without further calls (the API's auto=1). */
  auto?: boolean;
};

/** Streams the body into staging. A file that cannot be imported comes back as a Refusal with its HTTP status. */
export async function createImport(target: ImportTarget, input: CreateImportInput): Promise<Done<{ import: ImportView }> | Refusal | Invalid> {
  const override = settingsOverrideSchema.safeParse(input.settings ?? {});
  if (!override.success) return { status: "invalid", message: override.error.issues[0]!.message };
  const database = getDatabase();
  const staged = await stageUpload(database, {
    target,
    body: input.body,
    contentLength: input.contentLength,
    fileName: input.fileName ?? "",
    override: override.data,
    maxBytes: env.IMPORT_MAX_BYTES,
    limits: uploadLimits(),
  });
  if (staged.status !== "ok") return staged;
  if (input.auto) {
    const started = await startAuto(staged.importId);
    if (started.status !== "ok") {
      await discardImport(database, staged.importId);
      return started;
    }
  }
  return { status: "ok", import: viewOf((await getImport(database, staged.importId))!) };
}

const viewOf = (imp: Import) => toImportView(imp, { retentionDays: env.IMPORT_FILE_RETENTION_DAYS });

/** The answer for an import whose file and rows the maintenance job has pruned (410 Gone). */
export type Gone = { status: "gone"; message: string };

function goneIfPruned(imp: Import): Gone | null {
  const days = env.IMPORT_FILE_RETENTION_DAYS;
  return resultsPruned(imp, days) ? { status: "gone", message: resultsGoneMessage(days) } : null;
}

const uploadLimits = () => ({
  maxActivePerSource: env.IMPORT_MAX_ACTIVE_PER_SOURCE,
  storageQuotaBytes: env.IMPORT_STORAGE_QUOTA_BYTES,
  retentionDays: env.IMPORT_FILE_RETENTION_DAYS,
});

async function startAuto(importId: string): Promise<Done | Invalid> {
  const database = getDatabase();
  const imp = (await getImport(database, importId))!;
  const saved = await saveMapping(database, imp, suggestedMapping(await getMappingView(database, imp)));
  if (saved.status !== "ok") return { status: "invalid", message: `None of the file's columns could be matched to a field of this flow. ${saved.message}` };
  const started = await startValidation(database, { ...imp, mapping: saved.mapping }, enqueue, "all");
  return started.status === "ok" ? started : { status: "invalid", message: started.message };
}

async function load(access: ImportAccess, id: string) {
  return getImportFor(getDatabase(), access, id);
}

export async function getImportView(access: ImportAccess, id: string): Promise<ImportView | null> {
  const imp = await load(access, id);
  return imp && viewOf(imp);
}

/** How far a running or stopped import got: last line, last lead, whether it can resume. */
export async function getImportProgress(access: ImportAccess, id: string): Promise<ImportProgress | null> {
  const imp = await load(access, id);
  return imp && progressOf(getDatabase(), imp);
}

/** Newest first; `before` is the last id of the previous page (anything else, a NUL say, is ignored: never a 500). */
export async function listImportViews(access: ImportAccess, page: { limit?: number; before?: string } = {}): Promise<ImportView[]> {
  const before = page.before !== undefined && isId(page.before) ? page.before : undefined;
  const rows = await listImports(getDatabase(), access, { limit: Math.min(page.limit ?? 50, 200), before });
  return rows.map(viewOf);
}

export async function getImportMapping(access: ImportAccess, id: string): Promise<MappingView | null> {
  const imp = await load(access, id);
  return imp && getMappingView(getDatabase(), imp);
}

/** `mapping`: [{ column, fieldId | null }], unparsed (checked here). Moves the import back to staged. */
export async function setImportMapping(access: ImportAccess, id: string, mapping: unknown): Promise<Done<{ mapping: Mapping }> | Invalid | NotFound> {
  const imp = await load(access, id);
  return imp ? saveMapping(getDatabase(), imp, mapping) : notFound;
}

/** Reads the stored file again with other settings ({ encoding?, delimiter?, header? }); no new upload. */
export async function setImportSettings(access: ImportAccess, id: string, settings: unknown): Promise<Done | Refusal | Conflict | Invalid | NotFound> {
  const imp = await load(access, id);
  if (!imp) return notFound;
  const override = settingsOverrideSchema.safeParse(settings);
  if (!override.success) return { status: "invalid", message: override.error.issues[0]!.message };
  const result = await changeSettings(getDatabase(), imp, override.data);
  return result.status === "ok" ? { status: "ok" } : result;
}

export async function validateImport(access: ImportAccess, id: string): Promise<Done | Conflict | NotFound> {
  const imp = await load(access, id);
  return imp ? startValidation(getDatabase(), imp, enqueue) : notFound;
}

/** `mode`: "all" or "valid", unparsed. From "staged" it validates first, then imports. */
export async function confirmImportRun(access: ImportAccess, id: string, mode: unknown): Promise<Done | Conflict | Invalid | NotFound> {
  const parsed = importModeSchema.safeParse(mode);
  if (!parsed.success) return { status: "invalid", message: 'mode must be "all" or "valid"' };
  const imp = await load(access, id);
  return imp ? confirmImport(getDatabase(), imp, parsed.data, enqueue) : notFound;
}

export async function cancelImportRun(access: ImportAccess, id: string, actor: AuditActor): Promise<Done | Conflict | NotFound> {
  const imp = await load(access, id);
  return imp ? cancelImport(getDatabase(), imp, actor) : notFound;
}

/**
 * Deletes an import with its stored file, staged rows and results, to free room in the account's
 * quota (their space is vacuumed, to be reused). Its leads stay (leads.import_id is no foreign key).
 * A running import must be cancelled first.
 */
export async function deleteImportRun(access: ImportAccess, id: string): Promise<Done | Conflict | NotFound> {
  const imp = await load(access, id);
  if (!imp) return notFound;
  if (WORKING_STATUSES.has(imp.status)) return { status: "conflict", message: "This import is still running. Cancel it first, then delete it." };
  await discardImport(getDatabase(), imp.id);
  logger.info({ importId: imp.id, accountId: imp.accountId }, "import deleted");
  return { status: "ok" };
}

export type Page = { after?: number; limit?: number };
// Lines are int4 in the database: a larger `after` (?after=2147483648) would fail the query, a 500.
const LAST_LINE = 2_147_483_647;
const pageOf = (page: Page) => ({ after: Math.min(Math.max(0, page.after ?? 0), LAST_LINE), limit: Math.min(Math.max(1, page.limit ?? 100), 1000) });

/** A page's rows with their spreadsheet row (header row = row 1) beside their line: what a person reads (issue #14). */
async function withRows<T extends { line: number }>(imp: Import, rows: T[]): Promise<Array<T & { row: number | null }>> {
  const header = (imp.settings as StoredSettings).header;
  const numbers = await rowsOfLines(getDatabase(), imp, rows.map((r) => r.line), header);
  return rows.map((r) => ({ ...r, row: numbers.get(r.line) ?? null }));
}

/** Rows with problems, by line; pass the last row's line as `after` for the next page. */
export async function getImportProblems(access: ImportAccess, id: string, page: Page & { kind?: "invalid" | "duplicate" } = {}): Promise<Array<ProblemRow & { row: number | null }> | Gone | null> {
  const imp = await load(access, id);
  if (!imp) return null;
  return goneIfPruned(imp) ?? withRows(imp, await readProblems(getDatabase(), imp.id, { ...pageOf(page), kind: page.kind }));
}

/** Per-row results (line, outcome, lead id, reason), optionally of one outcome: the summary's failed rows. */
export async function getImportResults(access: ImportAccess, id: string, page: Page & { outcome?: ResultRow["outcome"] } = {}): Promise<Array<ResultRow & { row: number | null }> | Gone | null> {
  const imp = await load(access, id);
  if (!imp) return null;
  return goneIfPruned(imp) ?? withRows(imp, await readResults(getDatabase(), imp, { ...pageOf(page), outcome: page.outcome }));
}

export async function getImportSummary(access: ImportAccess, id: string): Promise<{ import: ImportView; byReason: ReasonCount[] } | null> {
  const imp = await load(access, id);
  return imp && { import: viewOf(imp), byReason: await reasonCountsOf(getDatabase(), imp) };
}

export async function openResultsCsv(access: ImportAccess, id: string): Promise<ReadableStream<Uint8Array> | Gone | null> {
  const imp = await load(access, id);
  if (!imp) return null;
  return goneIfPruned(imp) ?? resultsCsv(getDatabase(), imp);
}

export async function openProblemsCsv(access: ImportAccess, id: string): Promise<ReadableStream<Uint8Array> | Gone | null> {
  const imp = await load(access, id);
  if (!imp) return null;
  return goneIfPruned(imp) ?? problemsCsv(getDatabase(), imp);
}

/**
 * SSE body. Ends with the request, and without `event: end` when this process shuts down, so the
 * client's EventSource reconnects (Last-Event-ID) to a process that stays up.
 */
export async function openImportEvents(access: ImportAccess, id: string, options: { lastEventId: string | null; signal?: AbortSignal }) {
  const imp = await load(access, id);
  const signals = options.signal ? [options.signal, shutdownSignal()] : [shutdownSignal()];
  return imp && importEvents(getDatabase(), imp.id, { ...options, signal: AbortSignal.any(signals), retentionDays: env.IMPORT_FILE_RETENTION_DAYS });
}
