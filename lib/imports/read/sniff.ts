// Tells text files from the binary files people upload with a .csv name, from the first bytes
// alone, so the wizard can say what the file really is and what to do instead.

export type SniffResult = { kind: "text" } | { kind: "binary"; message: string };

const SAVE_AS_CSV = 'In Excel choose File > Save As > CSV UTF-8 (Comma delimited) (*.csv) and upload that file.';

export const SNIFF_MESSAGES = {
  excel: `This is an Excel workbook, not a CSV file. ${SAVE_AS_CSV}`,
  spreadsheet:
    "This is a spreadsheet file (OpenDocument), not a CSV file. Choose File > Save As, pick Text CSV (.csv) with UTF-8 and upload that file.",
  zip: "This is a ZIP archive, not a CSV file. Unzip it and upload the .csv file inside.",
  gzip: "This file is compressed with gzip. Decompress it and upload the .csv file inside.",
  pdf: "This is a PDF document, not a CSV file. Export the data from the program that made it as CSV and upload that file.",
  image: "This is an image, not a CSV file. Upload the spreadsheet or CSV export that holds the leads.",
  utf16NoBom:
    "This file looks like UTF-16 text without a byte order mark, which cannot be read reliably. Save it as CSV UTF-8 and upload it again.",
  notText:
    "This file is not a text file, so it cannot be a CSV file. Export the data as CSV (comma-separated values) and upload that file.",
} as const;

type Signature = { bytes: number[]; message: (head: Uint8Array) => string };

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // empty archive
  [0x50, 0x4b, 0x07, 0x08], // spanned archive
];

const SIGNATURES: Signature[] = [
  ...ZIP_MAGICS.map((bytes) => ({ bytes, message: describeZip })),
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], message: () => SNIFF_MESSAGES.excel },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], message: () => SNIFF_MESSAGES.pdf },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], message: () => SNIFF_MESSAGES.image },
  { bytes: [0xff, 0xd8, 0xff], message: () => SNIFF_MESSAGES.image },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], message: () => SNIFF_MESSAGES.image },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], message: () => SNIFF_MESSAGES.image },
  { bytes: [0x1f, 0x8b], message: () => SNIFF_MESSAGES.gzip },
];

// Above this share of NUL/control bytes a file is not text. A few stray NULs in a real CSV stay
// text: the parser keeps them and validation reports the field.
const CONTROL_BYTE_LIMIT = 0.1;

export function sniffFile(head: Uint8Array): SniffResult {
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.bytes)) {
      return { kind: "binary", message: signature.message(head) };
    }
  }
  if (hasUtf16Bom(head)) return { kind: "text" };
  return sniffControlBytes(head);
}

function describeZip(head: Uint8Array): string {
  // An .xlsx is a ZIP whose first entries are [Content_Types].xml and the xl/ folder.
  const text = latin1(head);
  if (text.includes("[Content_Types].xml") || text.includes("xl/")) return SNIFF_MESSAGES.excel;
  if (text.includes("opendocument.spreadsheet")) return SNIFF_MESSAGES.spreadsheet;
  return SNIFF_MESSAGES.zip;
}

function sniffControlBytes(head: Uint8Array): SniffResult {
  if (head.length === 0) return { kind: "text" };
  let nulls = 0;
  let nullsAtOddOffsets = 0;
  let controls = 0;
  head.forEach((byte, index) => {
    if (byte === 0) {
      nulls += 1;
      if (index % 2 === 1) nullsAtOddOffsets += 1;
    }
    if (isControlByte(byte)) controls += 1;
  });
  if (controls / head.length <= CONTROL_BYTE_LIMIT) return { kind: "text" };
  // ASCII text stored as UTF-16 has a NUL in every other byte, all on the same parity.
  const parity = Math.max(nullsAtOddOffsets, nulls - nullsAtOddOffsets);
  if (nulls >= head.length * 0.3 && parity >= nulls * 0.9) {
    return { kind: "binary", message: SNIFF_MESSAGES.utf16NoBom };
  }
  return { kind: "binary", message: SNIFF_MESSAGES.notText };
}

// Tab, line feed, vertical tab, form feed, carriage return and escape appear in real text files.
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) || byte === 0x7f;
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
}

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
