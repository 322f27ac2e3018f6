// What kind of spreadsheet an upload is, from its first bytes, and whether a workbook's ZIP may be
// unpacked at all: the central directory's sizes are read (yauzl) before a byte is inflated, so a
// zip bomb is refused instead of filling memory or disk.
import { Readable } from "node:stream";
import yauzl from "yauzl";
import { formatBytes } from "./refusal";

export type SpreadsheetKind = "xlsx" | "xls" | "ods" | null;

export const SPREADSHEET_MESSAGES = {
  xls: "This is an old Excel 97-2003 workbook (.xls), which cannot be imported. In Excel choose File > Save As and pick Excel Workbook (*.xlsx) or CSV UTF-8 (Comma delimited) (*.csv), then upload that file.",
  ods: "This is an OpenDocument spreadsheet (.ods), which cannot be imported. Choose File > Save As and pick Excel 2007-365 (.xlsx) or Text CSV (.csv), then upload that file.",
  notWorkbook: "This is a ZIP archive, not an Excel workbook. Upload the .xlsx or .csv file that holds the leads.",
  damaged: "The workbook cannot be read; it may be damaged or password-protected. Open it in Excel, save it again as Excel Workbook (*.xlsx) or CSV UTF-8 (*.csv), and upload that file.",
  bomb: "The workbook's contents are compressed far more than any real workbook's (a zip bomb?), so it was not unpacked. Save the sheet as CSV UTF-8 (*.csv) and upload that file.",
} as const;

export const tooLargeUnzippedMessage = (maxBytes: number) =>
  `The workbook unpacks to more than the ${formatBytes(maxBytes)} limit. Split the leads into smaller workbooks, or save the sheet as CSV UTF-8 (*.csv), and import each one.`;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OpenDocument stores its "mimetype" entry first and uncompressed, so it shows in the head.
const ODS_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

export function spreadsheetKind(head: Uint8Array): SpreadsheetKind {
  if (startsWith(head, OLE_MAGIC)) return "xls";
  if (!startsWith(head, ZIP_MAGIC)) return null;
  return Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 512)).toString("latin1").includes(ODS_MIMETYPE) ? "ods" : "xlsx";
}

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((byte, i) => head[i] === byte);

/** Reads `length` bytes of the stored file at `offset`. */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

export type ZipLimits = {
  /** The most all entries may unpack to (IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** Above this compression ratio, an entry past `ratioFloorBytes` is a zip bomb. */
  maxRatio?: number;
  ratioFloorBytes?: number;
};

export type ZipCheck = { ok: true; entries: number; unpackedBytes: number } | { ok: false; message: string; httpStatus: 400 | 413 | 415 };

const MAX_ENTRIES = 10_000;
const RANGE_SLICE = 1024 * 1024;

/**
 * Checks the central directory before anything is inflated; then, when it passes, inflates each
 * entry once to nowhere, so an entry that unpacks to more than its directory says (a lying bomb)
 * is stopped by yauzl at the declared size instead of reaching the workbook reader.
 */
export async function checkWorkbookZip(readRange: ReadRange, totalSize: number, limits: ZipLimits): Promise<ZipCheck> {
  const maxRatio = limits.maxRatio ?? 100;
  const floor = limits.ratioFloorBytes ?? 4 * 1024 * 1024;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(new RangeReader(readRange), totalSize);
  } catch {
    return { ok: false, message: SPREADSHEET_MESSAGES.damaged, httpStatus: 400 };
  }
  let unpacked = 0;
  let entries = 0;
  let hasWorkbook = false;
  const listed: yauzl.Entry[] = [];
  try {
    for await (const entry of entriesOf(zip)) {
      entries += 1;
      listed.push(entry);
      if (entries > MAX_ENTRIES) return { ok: false, message: SPREADSHEET_MESSAGES.bomb, httpStatus: 413 };
      if (entry.fileName === "xl/workbook.xml") hasWorkbook = true;
      unpacked += entry.uncompressedSize;
      if (unpacked > limits.maxBytes) return { ok: false, message: tooLargeUnzippedMessage(limits.maxBytes), httpStatus: 413 };
      if (entry.uncompressedSize > floor && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > maxRatio) {
        return { ok: false, message: SPREADSHEET_MESSAGES.bomb, httpStatus: 413 };
      }
    }
    if (!hasWorkbook) return { ok: false, message: SPREADSHEET_MESSAGES.notWorkbook, httpStatus: 415 };
    for (const entry of listed) {
      const drained = await drain(zip, entry);
      if (drained === "lied") return { ok: false, message: SPREADSHEET_MESSAGES.bomb, httpStatus: 413 };
    }
  } catch {
    return { ok: false, message: SPREADSHEET_MESSAGES.damaged, httpStatus: 400 };
  } finally {
    zip.close();
  }
  return { ok: true, entries, unpackedBytes: unpacked };
}

function openZip(reader: yauzl.RandomAccessReader, size: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** Inflates an entry and drops the bytes; yauzl fails it when it unpacks to more than its declared size. */
async function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<"ok" | "lied"> {
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
  try {
    for await (const chunk of stream) void chunk;
    return "ok";
  } catch (error) {
    // yauzl's words for an entry that inflates past its declared size.
    if (error instanceof Error && /too many bytes in the stream/.test(error.message)) return "lied";
    throw error;
  }
}

async function* entriesOf(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
      zip.once("entry", (e: yauzl.Entry) => (cleanup(), resolve(e)));
      zip.once("end", () => (cleanup(), resolve(null)));
      zip.once("error", (e: Error) => (cleanup(), reject(e)));
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

/** yauzl's random access over the file as stored (pieces in import_files), read a range at a time. */
class RangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly readRange: ReadRange) {
    super();
  }

  _readStreamForRange(start: number, end: number): Readable {
    const readRange = this.readRange;
    return Readable.from(
      (async function* () {
        // A slice at a time: an entry's compressed bytes can be hundreds of MB.
        for (let at = start; at < end; at += RANGE_SLICE) yield Buffer.from(await readRange(at, Math.min(RANGE_SLICE, end - at)));
      })(),
    );
  }
}
