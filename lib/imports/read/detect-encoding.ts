// Works out how a file's bytes encode text, and turns those bytes into a stream of strings.
import { Transform } from "node:stream";
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export type DetectedEncoding = { encoding: TextEncoding; bomLength: number };

const BOMS: Array<{ bytes: number[]; encoding: TextEncoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8-bom" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/**
 * A byte order mark decides; otherwise bytes that are valid UTF-8 are UTF-8, and anything else
 * is taken as Windows-1252 (what Excel on Windows writes for "CSV (Comma delimited)").
 * Only `head` is checked: invalid UTF-8 further into a file detected as UTF-8 is decoded as
 * U+FFFD by createDecoder, never a crash. The wizard lets the person override the choice.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => head[index] === byte)) {
      return { encoding: bom.encoding, bomLength: bom.bytes.length };
    }
  }
  return { encoding: isValidUtf8(withoutIncompleteTail(head)) ? "utf-8" : "windows-1252", bomLength: 0 };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The head is cut at an arbitrary byte, possibly inside a multi-byte character; drop that
 * incomplete last character (at most 3 bytes) so it is not mistaken for invalid UTF-8.
 */
export function withoutIncompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

const ICONV_NAMES: Record<TextEncoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
  "windows-1252": "windows1252",
};

/**
 * Bytes in, string chunks out. iconv-lite keeps a character split across two chunks whole,
 * strips a BOM of the chosen encoding, and turns invalid byte sequences into U+FFFD.
 */
export function createDecoder(encoding: TextEncoding): Transform {
  // decodeStream is typed as NodeJS.ReadWriteStream but is built on stream.Transform.
  return iconv.decodeStream(ICONV_NAMES[encoding], { stripBOM: true }) as Transform;
}
