import { describe, expect, it } from "vitest";
import { SNIFF_MESSAGES, sniffFile } from "./sniff";

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

// A ZIP local file header: magic, 26 bytes of version/flags/sizes, then the entry name.
const zipEntry = (name: string) => bytes([0x50, 0x4b, 0x03, 0x04], new Array<number>(26).fill(0), name);

describe("sniffFile", () => {
  it("accepts plain CSV text", () => {
    expect(sniffFile(bytes("First Name,Email\nAnn,ann@example.com\n"))).toEqual({ kind: "text" });
  });

  it("accepts an empty head (emptiness is reported later, not as binary)", () => {
    expect(sniffFile(new Uint8Array())).toEqual({ kind: "text" });
  });

  it("says an .xlsx saved with a .csv name is an Excel workbook and how to save as CSV", () => {
    const result = sniffFile(zipEntry("[Content_Types].xml"));
    expect(result).toEqual({ kind: "binary", message: SNIFF_MESSAGES.excel });
    expect(SNIFF_MESSAGES.excel).toContain("File > Save As > CSV UTF-8 (Comma delimited)");
  });

  it("recognises a workbook by its xl/ folder too", () => {
    expect(sniffFile(zipEntry("xl/workbook.xml"))).toEqual({ kind: "binary", message: SNIFF_MESSAGES.excel });
  });

  it("calls any other ZIP a ZIP archive to unzip", () => {
    expect(sniffFile(zipEntry("leads.csv"))).toEqual({ kind: "binary", message: SNIFF_MESSAGES.zip });
  });

  it("says a legacy .xls (OLE compound file) is an Excel workbook", () => {
    const xls = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(40).fill(0));
    expect(sniffFile(xls)).toEqual({ kind: "binary", message: SNIFF_MESSAGES.excel });
  });

  it.each([
    ["PDF", bytes("%PDF-1.7\n%\xe2\xe3"), SNIFF_MESSAGES.pdf],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), SNIFF_MESSAGES.image],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), SNIFF_MESSAGES.image],
    ["GIF", bytes("GIF89a", [1, 0, 1, 0]), SNIFF_MESSAGES.image],
    ["gzip", bytes([0x1f, 0x8b, 0x08, 0]), SNIFF_MESSAGES.gzip],
  ])("names a %s file", (_name, head, message) => {
    expect(sniffFile(head)).toEqual({ kind: "binary", message });
  });

  it("treats UTF-16 with a byte order mark as text despite its NUL bytes", () => {
    expect(sniffFile(Buffer.from("\ufeffa,b\n1,2\n", "utf16le"))).toEqual({ kind: "text" });
    const bigEndian = Buffer.from("\ufeffa,b\n1,2\n", "utf16le").swap16();
    expect(sniffFile(bigEndian)).toEqual({ kind: "text" });
  });

  it("says UTF-16 without a byte order mark must be saved as UTF-8", () => {
    expect(sniffFile(Buffer.from("a,b\n1,2\n", "utf16le"))).toEqual({
      kind: "binary",
      message: SNIFF_MESSAGES.utf16NoBom,
    });
  });

  it("keeps a text file with a few stray NUL bytes as text", () => {
    expect(sniffFile(bytes("name,email\nAnn", [0], ",ann@example.com\nBob,bob@example.com\n"))).toEqual({
      kind: "text",
    });
  });

  it("calls a file full of control bytes not a text file", () => {
    const noise = Uint8Array.from({ length: 512 }, (_, index) => (index * 7) % 32);
    expect(sniffFile(noise)).toEqual({ kind: "binary", message: SNIFF_MESSAGES.notText });
  });
});
