import { describe, expect, it } from "vitest";
import { CopyPieces, copyEscape, copyJson, toCopyLine, type CopyValue } from "./bulk-copy";

describe("toCopyLine", () => {
  it("separates values with tabs, keeps empty strings empty and writes null as \\N", () => {
    expect(toCopyLine(["a", "", null, 3, true])).toBe("a\t\t\\N\t3\ttrue\n");
  });

  it("keeps quotes and commas as they are", () => {
    expect(toCopyLine(['say "hi", then'])).toBe('say "hi", then\n');
  });

  it("escapes backslashes, tabs, newlines and carriage returns", () => {
    expect(toCopyLine(["a\\b\tc\nd\re", "\\x00ff"])).toBe("a\\\\b\\tc\\nd\\re\t\\\\x00ff\n");
  });
});

describe("copyEscape", () => {
  it("returns a value without special characters unchanged", () => {
    const value = '{"a":"b"}';
    expect(copyEscape(value)).toBe(value);
  });
});

describe("copyEscape of long values", () => {
  it("escapes every special character in a value of any length", () => {
    const long = "x".repeat(100);
    expect(copyEscape(`${long}\\${long}`)).toBe(`${long}\\\\${long}`);
    expect(copyEscape(`${long}\n`)).toBe(`${long}\\n`);
    expect(copyEscape(`${long}\r`)).toBe(`${long}\\r`);
    expect(copyEscape(`\t${long}`)).toBe(`\\t${long}`);
    expect(copyEscape(long)).toBe(long);
  });
});

describe("toCopyLine of JSON and bytes", () => {
  it("writes copyJson values as JSON, doubling only backslashes", () => {
    const value = { quote: 'say "hi"', line: "a\nb", path: "C:\\x" };
    const json = JSON.stringify(value);
    expect(toCopyLine([copyJson(value)])).toBe(json.replaceAll("\\", "\\\\") + "\n");
    expect(toCopyLine([copyJson(["a", "b"])])).toBe('["a","b"]\n');
  });

  it("writes a Uint8Array as bytea hex", () => {
    expect(toCopyLine([new Uint8Array([0, 255, 16])])).toBe("\\\\x00ff10\n");
  });
});

describe("CopyPieces", () => {
  // Random rows of every kind of value, written by toCopyLine and by CopyPieces in pieces of a few sizes.
  function randomRows(seed: number, count: number): CopyValue[][] {
    let state = seed;
    const next = (n: number) => Math.floor((state = (state * 1103515245 + 12345) % 2147483648) / 65536) % n;
    const chars = ["a", "Z", "0", " ", "\t", "\n", "\r", "\\", '"', "é", "€", "𝄞", "\ud800", "\u0000", ","];
    const text = (length: number) => Array.from({ length }, () => chars[next(chars.length)]).join("");
    const value = (): CopyValue => {
      switch (next(8)) {
        case 0: return null;
        case 1: return next(3) === 0 ? "" : text(next(40));
        case 2: return text(next(3) === 0 ? 5000 + next(3000) : next(200));
        case 3: return next(1_000_000) / 7;
        case 4: return next(2) === 0;
        case 5: return new Uint8Array(Array.from({ length: next(50) }, () => next(256)));
        case 6: return copyJson({ a: text(next(30)), b: [text(next(5)), next(9)], c: null });
        default: return copyJson(text(next(6000)));
      }
    };
    return Array.from({ length: count }, () => Array.from({ length: 1 + next(6) }, value));
  }

  /** Every piece `pieces` makes of `rows`, the rest last, with the rows each holds. */
  function everyPiece(pieces: CopyPieces, rows: CopyValue[][]): { piece: Buffer; rows: number }[] {
    const out: { piece: Buffer; rows: number }[] = [];
    for (const row of rows) {
      pieces.row(row);
      out.push(...pieces.ready.splice(0));
    }
    const rest = pieces.rest();
    if (rest !== null) out.push(rest);
    return out;
  }

  it.each([16, 1024, 64 * 1024])("writes the bytes of toCopyLine's lines, whole rows per piece of about %i bytes, and counts them", (size) => {
    const rows = randomRows(size, 1500);
    const expected = Buffer.from(rows.map(toCopyLine).join(""));
    const out = everyPiece(new CopyPieces(size), rows);
    expect(Buffer.concat(out.map((o) => o.piece)).equals(expected)).toBe(true);
    // Every piece ends a row and, but for a row longer than the size, is at most the size plus one row.
    const lines = rows.map((row) => Buffer.byteLength(toCopyLine(row)));
    let line = 0;
    for (const { piece, rows: count } of out) {
      let bytes = 0;
      const first = line;
      while (bytes < piece.length) bytes += lines[line++]!;
      expect(bytes).toBe(piece.length);
      expect(count).toBe(line - first);
    }
    expect(line).toBe(rows.length);
    expect(expected.length).toBeGreaterThan(2 * size);
    expect(out.length).toBeGreaterThan(1);
  });

  it("writes bytea values larger than a piece whole, each row in one piece (a stored file's pieces)", () => {
    const file = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 131 + (i >> 8)) & 255));
    const rows: CopyValue[][] = [
      ["imp", 0, file.subarray(0, 40_000)],
      ["imp", 1, file.subarray(40_000, 40_001)],
      ["imp", 2, file.subarray(40_001)],
    ];
    const pieces = new CopyPieces(1024);
    const out: Buffer[] = [];
    for (const row of rows) {
      pieces.row(row);
      out.push(...pieces.ready.splice(0).map((ready) => ready.piece));
    }
    expect(pieces.rest()).toBeNull();
    expect(out.map((piece) => piece.toString("latin1"))).toEqual(rows.map(toCopyLine));
  });

  it.each([16, 1024, 64 * 1024])("without whole rows, writes the same bytes in pieces of at most about %i bytes, long values split", (size) => {
    const rows: CopyValue[][] = [...randomRows(size, 1500), ["imp", 7, Buffer.alloc(3 * size + 40_000, 0xa5)]];
    const expected = Buffer.from(rows.map(toCopyLine).join(""));
    const out = everyPiece(new CopyPieces(size, { wholeRows: false }), rows);
    expect(Buffer.concat(out.map((o) => o.piece)).equals(expected)).toBe(true);
    expect(out.reduce((sum, o) => sum + o.rows, 0)).toBe(rows.length);
    // Only a single string value longer than a piece (JSON, text) makes a longer one.
    const longest = Math.max(...rows.flat().map((v) => (typeof v === "string" ? Buffer.byteLength(v) : typeof v === "object" && v && "json" in v ? Buffer.byteLength(JSON.stringify(v.json)) : 0)));
    for (const { piece } of out) expect(piece.length).toBeLessThanOrEqual(Math.max(size + 16 * 1024, 3 * longest + 8));
  });

  it("has nothing left when no row was written", () => {
    expect(new CopyPieces(1024).rest()).toBeNull();
  });
});
