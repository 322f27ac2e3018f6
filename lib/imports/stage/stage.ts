// Upload and re-staging: bytes -> size guard -> sniff and detect -> decoder -> csv-parse -> COPY
// into import_rows, while the same bytes are COPYed into import_files. Memory holds a few chunks
// and one batch of records, whatever the file's size.
import { sql } from "drizzle-orm";
import { copyRows, type CopyRows, type CopyTarget } from "@/db/bulk-copy";
import type { Database } from "@/db/client";
import { imports } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { newId } from "@/lib/ids";
import { createByteChannel, limitBytes, readHead, tapInto } from "../read/byte-stream";
import { detectSettings, HEAD_BYTES } from "../read/detect-settings";
import { ImportRefused, refusal, tooLargeMessage, type Refusal } from "../read/refusal";
import type { ReadSettings, SettingsOverride, StoredSettings } from "../settings";
import { stageInWorker } from "./parse-in-worker";
import { createStager, type StageSummary } from "./stage-rows";
import { stagedRowsText } from "./staged-text";
import { deleteStaging, IMPORT_ROWS, queryOf, readFile, saveFile } from "./staged-rows";
import { stageWorkbookRows, workbookSettings, WORKBOOK_TEXT_SETTINGS } from "./xlsx-stage";
import { storedRange } from "../read/xlsx-stored";
import { checkWorkbookZip, SPREADSHEET_MESSAGES, spreadsheetKind } from "../read/xlsx-zip";
import { discardImport, discardStaged, getImport, insertImportIn, updateImport, type ImportTarget } from "../store";
import { claimUploadSlot, quotaMessage, storedBytes, UPLOAD_PROGRESS_MS, type UploadLimits } from "./upload-limits";

export type Upload = {
  target: ImportTarget;
  /** The API passes the settings' limits (lib/imports/service.ts); without them (scripts, tests) none apply. */
  limits?: UploadLimits;
  body: AsyncIterable<Uint8Array>;
  /** From Content-Length, when the client sent one: a file too large is refused before it is read. */
  contentLength: number | null;
  fileName: string;
  override: SettingsOverride;
  maxBytes: number;
};

export type StageResult = { status: "ok"; importId: string } | Refusal;

const CHANNEL_BYTES = 4 * 1024 * 1024;
const NO_LIMITS: UploadLimits = { maxActivePerSource: Number.POSITIVE_INFINITY, storageQuotaBytes: Number.POSITIVE_INFINITY, retentionDays: 30 };

/**
 * Refusals before a byte is stored: too large by Content-Length, no room left in the account's
 * quota, too many uploads of this source in progress (checked as the import row is inserted). A
 * stream with no Content-Length stops at the size limit or the quota's room, whichever comes first;
 * whatever it had stored is deleted with its import, so a refused upload leaves nothing behind.
 */
export async function stageUpload(database: Database, upload: Upload): Promise<StageResult> {
  const limits = upload.limits ?? NO_LIMITS;
  if (upload.contentLength !== null && upload.contentLength > upload.maxBytes) {
    return { status: "refused", httpStatus: 413, message: tooLargeMessage(upload.maxBytes) };
  }
  const used = await storedBytes(database, upload.target.accountId, limits.retentionDays);
  const room = limits.storageQuotaBytes - used;
  const overQuota: Refusal = { status: "refused", httpStatus: 413, message: quotaMessage(used, limits.storageQuotaBytes, limits.retentionDays) };
  if (room <= 0 || (upload.contentLength !== null && upload.contentLength > room)) return overQuota;
  let bytes = 0;
  const limited = room < upload.maxBytes ? limitBytes(upload.body, room, overQuota.message) : limitBytes(upload.body, upload.maxBytes);
  const counted = countBytes(limited, (n) => (bytes += n));
  const opened = await catchRefusal(() => readHead(counted, HEAD_BYTES));
  if ("status" in opened) return opened;
  if (opened.head.byteLength === 0) return { status: "refused", httpStatus: 400, message: "The file is empty. Choose the CSV file that holds the leads." };
  const kind = spreadsheetKind(opened.head);
  if (kind === "xls" || kind === "ods") return { status: "refused", httpStatus: 415, message: SPREADSHEET_MESSAGES[kind] };
  if (kind === "xlsx") return stageWorkbookUpload(database, upload, { stream: opened.stream, bytes: () => bytes, limits });
  const detected = detectSettings(opened.head);
  if (detected.kind === "refused") return { status: "refused", httpStatus: 415, message: detected.message };
  const settings: StoredSettings = { ...detected.settings, ...upload.override, detected: detected.settings };
  const importId = newId();
  const busy = await claimUploadSlot(database, upload.target, limits.maxActivePerSource, (query) =>
    insertImportIn(query, { id: importId, ...upload.target, fileName: upload.fileName.slice(0, 255), settings }),
  );
  if (busy) return busy;
  const copy = (target: CopyTarget, rows: CopyRows) => copyRows(database, target, rows);
  const channel = createByteChannel(CHANNEL_BYTES);
  const saving = saveFile(copy, importId, channel);
  saving.catch((error: unknown) => channel.fail(error));
  try {
    const received = recordProgress(opened.stream, () => updateImport(database, importId, { bytes }, RECEIVING));
    const summary = await stageRows(copy, importId, tapInto(received, channel), settings, opened.whole ? opened.head.byteLength : Number.POSITIVE_INFINITY);
    await saving;
    return await stagedUpload(database, importId, { bytes, ...summaryColumns(summary) });
  } catch (error) {
    channel.fail(error);
    await saving.catch(() => {});
    await discardImport(database, importId);
    if (error instanceof ImportRefused) return refusal(error);
    throw error;
  }
}

/**
 * Reads the stored file again with other settings, in one transaction: if the new settings cannot
 * read the file, the refusal comes back and the import stays as it was.
 */
export async function restage(database: Database, importId: string, override: SettingsOverride): Promise<StageResult> {
  const current = await getImport(database, importId);
  if (!current) throw new Error(`import ${importId} not found`);
  const stored = current.settings as StoredSettings;
  const { sheet, ...textOverride } = override;
  let settings: StoredSettings = stored.format === "xlsx" ? { ...stored, header: override.header ?? stored.header, sheet: sheet ?? stored.sheet } : { ...stored, ...textOverride, detected: stored.detected };
  try {
    await withTransaction(database, async (tx) => {
      await deleteStaging(tx.query, importId);
      // PostgreSQL: the file is read on another connection while this one is busy with COPY.
      const file = readFile(database.kind === "pg" ? queryOf(database) : tx.query, importId);
      let summary: StageSummary;
      if (settings.format === "xlsx") {
        const staged = await stageWorkbookRows(tx.copy, importId, () => readFile(database.kind === "pg" ? queryOf(database) : tx.query, importId), { sheet: settings.sheet, header: settings.header, maxTextBytes: RESTAGE_MAX_TEXT_BYTES });
        settings = workbookSettings(staged, stored.detected);
        summary = staged.summary;
      } else summary = await stageRows(tx.copy, importId, file, settings, current.bytes);
      const headersChanged = JSON.stringify(summary.headers) !== JSON.stringify(current.headers);
      await tx.query(
        `update imports set status = 'staged', settings = $2, headers = $3, notices = $4, rows = $5, unreadable_rows = $6,
           mapping = case when $7 then null else mapping end, mode = null, invalid_rows = 0, duplicate_rows = 0,
           validated_rows = 0, validated_line = null, error = null, updated_at = now()
         where id = $1`,
        [importId, JSON.stringify(settings), JSON.stringify(summary.headers), JSON.stringify(summary.notices), summary.rows, summary.unreadable, headersChanged],
      );
    });
    return { status: "ok", importId };
  } catch (error) {
    if (error instanceof ImportRefused) return refusal(error);
    throw error;
  }
}

// The zip passed its size check at upload; this only bounds a sheet that lies about its size.
const RESTAGE_MAX_TEXT_BYTES = 4 * 1024 ** 3;

type Received = { stream: AsyncIterable<Uint8Array>; bytes: () => number; limits: UploadLimits };

/**
 * A workbook cannot be read as it arrives (a ZIP's directory is at its end), so it is stored whole
 * first; its central directory is checked (size limit, zip bomb) before anything is unpacked, then
 * one sheet is read back from the stored pieces and staged.
 */
async function stageWorkbookUpload(database: Database, upload: Upload, received: Received): Promise<StageResult> {
  const importId = newId();
  const placeholder = { ...WORKBOOK_TEXT_SETTINGS, format: "xlsx" as const, header: upload.override.header ?? true };
  const busy = await claimUploadSlot(database, upload.target, received.limits.maxActivePerSource, (query) =>
    insertImportIn(query, { id: importId, ...upload.target, fileName: upload.fileName.slice(0, 255), settings: { ...placeholder, detected: placeholder } }),
  );
  if (busy) return busy;
  const copy = (target: CopyTarget, rows: CopyRows) => copyRows(database, target, rows);
  try {
    await saveFile(copy, importId, recordProgress(received.stream, () => updateImport(database, importId, { bytes: received.bytes() }, RECEIVING)));
    const query = queryOf(database);
    const checked = await checkWorkbookZip(storedRange(query, importId), received.bytes(), { maxBytes: upload.maxBytes });
    if (!checked.ok) throw new ImportRefused(checked.message, checked.httpStatus);
    const staged = await stageWorkbookRows(copy, importId, () => readFile(query, importId), { sheet: upload.override.sheet, header: upload.override.header, maxTextBytes: upload.maxBytes });
    return await stagedUpload(database, importId, { bytes: received.bytes(), settings: workbookSettings(staged), ...summaryColumns(staged.summary) });
  } catch (error) {
    await discardImport(database, importId);
    if (error instanceof ImportRefused) return refusal(error);
    throw error;
  }
}

/**
 * A file larger than its first chunk is parsed in a worker thread (parse-in-worker.ts), beside the
 * COPY that this thread feeds; a smaller one is parsed here, where a thread would cost more to
 * start than the file costs to read. Both run the same code (staged-text.ts).
 */
export const stagingThread = { minWorkerBytes: HEAD_BYTES };

async function stageRows(copy: (target: CopyTarget, rows: CopyRows) => Promise<number>, importId: string, bytes: AsyncIterable<Uint8Array>, settings: ReadSettings, fileBytes: number): Promise<StageSummary> {
  let summary: StageSummary;
  if (fileBytes >= stagingThread.minWorkerBytes) {
    const staging = stageInWorker(bytes, { importId, settings: { header: settings.header, encoding: settings.encoding, delimiter: settings.delimiter } });
    await copy(IMPORT_ROWS, { encoded: staging.text });
    summary = staging.summary();
  } else {
    const stager = createStager({ header: settings.header, encoding: settings.encoding });
    await copy(IMPORT_ROWS, { encoded: stagedRowsText(bytes, importId, settings, stager) });
    summary = stager.finish();
  }
  if (summary.rows === 0) throw new ImportRefused(noRowsMessage(settings.header && summary.headers.length > 0));
  return summary;
}

function noRowsMessage(hasHeader: boolean): string {
  return hasHeader
    ? "The file has a header row but no data rows. Add the leads below the header and upload it again."
    : "The file has no rows: every line is blank. Choose the CSV file that holds the leads.";
}

function summaryColumns(summary: StageSummary) {
  return { headers: summary.headers, notices: summary.notices, rows: summary.rows, unreadableRows: summary.unreadable };
}

async function* countBytes(source: AsyncIterable<Uint8Array>, add: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    add(chunk.byteLength);
    yield chunk;
  }
}

/** Every UPLOAD_PROGRESS_MS, records that the upload is alive: it keeps its place and its bytes count against the quota. */
async function* recordProgress(source: AsyncIterable<Uint8Array>, touch: () => Promise<unknown>): AsyncGenerator<Uint8Array> {
  let last = Date.now();
  for await (const chunk of source) {
    if (Date.now() - last >= UPLOAD_PROGRESS_MS) {
      last = Date.now();
      await touch();
    }
    yield chunk;
  }
}

const RECEIVING = sql`${imports.status} = 'receiving'`;

export const CANCELLED_WHILE_RECEIVING = "This import was cancelled while its file was arriving, so nothing of it was kept. Upload the file again to import it.";

/**
 * Marks a whole upload staged, unless the import was cancelled while it arrived (cancel moves a
 * receiving import to cancelled): then it stays cancelled, and what it staged is deleted.
 */
async function stagedUpload(database: Database, importId: string, patch: Partial<typeof imports.$inferInsert>): Promise<StageResult> {
  if (await updateImport(database, importId, { ...patch, status: "staged" }, RECEIVING)) return { status: "ok", importId };
  await discardStaged(database, [importId]);
  return { status: "refused", httpStatus: 409, message: CANCELLED_WHILE_RECEIVING };
}

async function catchRefusal<T extends object>(fn: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ImportRefused) return refusal(error);
    throw error;
  }
}
