// Reads the first bytes of an upload and decides how to read the rest: refuse files that are not
// text, then detect encoding, delimiter and header row. Pure: the upload route passes the head in.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { detectDelimiter, looksLikeHeader } from "./detect-dialect";
import { detectEncoding, withoutIncompleteTail, type TextEncoding } from "./detect-encoding";
import { isBlankRecord } from "./record-lines";
import type { ReadSettings } from "../settings";
import { sniffFile } from "./sniff";

/** Enough of the file to see its first records, small enough to hold in memory. */
export const HEAD_BYTES = 64 * 1024;

export type Detection = { kind: "text"; settings: ReadSettings } | { kind: "refused"; message: string };

export function detectSettings(head: Uint8Array, override: Partial<ReadSettings> = {}): Detection {
  const sniffed = sniffFile(head);
  if (sniffed.kind === "binary") return { kind: "refused", message: sniffed.message };
  const encoding = override.encoding ?? detectEncoding(head).encoding;
  const sample = decodeSample(head, encoding);
  const delimiter = override.delimiter ?? detectDelimiter(sample);
  const header = override.header ?? detectHeader(sample, delimiter);
  return { kind: "text", settings: { encoding, delimiter, header } };
}

const ICONV: Record<TextEncoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
  "windows-1252": "windows1252",
};

function decodeSample(head: Uint8Array, encoding: TextEncoding): string {
  const bytes = encoding === "utf-8" || encoding === "utf-8-bom" ? withoutIncompleteTail(head) : head;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ICONV[encoding], { stripBOM: true });
}

/** The first two non-blank records of the sample; the sample may end inside a quoted value. */
function detectHeader(sample: string, delimiter: ReadSettings["delimiter"]): boolean {
  const records: string[][] = [];
  try {
    const parsed = parse(sample, { delimiter, relax_column_count: true, relax_quotes: true, to: 20 }) as string[][];
    records.push(...parsed);
  } catch {
    // A sample cut inside a quoted value: detect from the complete lines before it.
    const lines = sample.split(/\r\n|\n|\r/).slice(0, -1);
    records.push(...lines.slice(0, 20).map((line) => line.split(delimiter)));
  }
  const [first, second] = records.filter((record) => !isBlankRecord(record));
  return first ? looksLikeHeader(first, second) : true;
}
