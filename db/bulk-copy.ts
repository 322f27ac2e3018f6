// The one bulk-load path: everything that writes many rows streams them through COPY.
// PostgreSQL: COPY ... FROM STDIN via pg-copy-streams, with backpressure.
// PGlite: COPY ... FROM '/dev/blob', in chunks of CHUNK_BYTES so memory stays bounded.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "./client";

/** A value COPY writes as JSON (into a json or jsonb column): see copyJson. */
export type CopyJson = { readonly json: unknown };
/** Strings, numbers and booleans as text; a Uint8Array as bytea; copyJson(value) as JSON. */
export type CopyValue = string | number | boolean | null | undefined | Uint8Array | CopyJson;
export type CopyTarget = { table: string; columns: string[] };
type Rows = AsyncIterable<readonly CopyValue[]> | Iterable<readonly CopyValue[]>;
/**
 * Rows one at a time, or (cheaper for millions of rows: no await per row) a batch of rows at a time,
 * or COPY text already encoded (toCopyLine's lines as UTF-8, whole lines per piece) with its row count.
 */
export type CopyRows =
  | Rows
  | { batches: AsyncIterable<readonly (readonly CopyValue[])[]> }
  | { encoded: AsyncIterable<{ piece: Uint8Array; rows: number }> };

// Where COPY runs: a pg client (pool client or one inside a transaction), or PGlite / its transaction.
export type CopySink = { kind: "pg"; client: pg.ClientBase } | { kind: "pglite"; client: PGlite | Transaction };

const CHUNK_BYTES = 4 * 1024 * 1024;
/** PGlite runs one COPY per piece, so its pieces end rows; PostgreSQL's COPY stream is bytes. */
type PieceOptions = { size: number; wholeRows: boolean };
// PostgreSQL: COPY data is written in pieces of about this size.
const STREAM_CHUNK_BYTES = 64 * 1024;
// Room past a piece's size, so the row that passes it mostly fits in the same buffer.
const PIECE_SLACK = 16 * 1024;
// Text longer than this is measured (Buffer.byteLength) instead of allowed 3 bytes per UTF-16 unit.
const LONG_TEXT = 4096;
// Bytes of a bytea value turned into hex at a time.
const HEX_SLICE = 16 * 1024;
const TAB = 0x09;
const NEWLINE = 0x0a;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// COPY's text format: tab between values, \N for null, and only backslash, tab, newline and CR
// escaped. Cheaper than CSV, where every quote inside a value (JSON is full of them) is doubled.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyEscape(value: string): string {
  // Long values (JSON documents) are searched with includes(), several times faster than a regex.
  const special =
    value.length < 64 ? SPECIAL.test(value) : value.includes("\\") || value.includes("\n") || value.includes("\r") || value.includes("\t");
  return special ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

/**
 * Marks a value to be written as JSON. JSON.stringify escapes every control character, so of COPY's
 * special characters its output can hold only the backslash: one search instead of four per value.
 */
export const copyJson = (value: unknown): CopyJson => ({ json: value });

function jsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? "null";
  return text.includes("\\") ? text.replaceAll("\\", "\\\\") : text;
}

export function toCopyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += "\t";
    if (v === null || v === undefined) line += "\\N";
    else if (typeof v === "string") line += copyEscape(v);
    else if (v instanceof Uint8Array) line += "\\\\x" + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
    else if (typeof v === "object") line += jsonText(v.json);
    else line += String(v);
  }
  return line + "\n";
}

function copySql({ table, columns }: CopyTarget, from: string): string {
  return `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM ${from}`;
}

export async function copyInto(sink: CopySink, target: CopyTarget, rows: CopyRows): Promise<number> {
  const counter = { rows: 0 };
  if (sink.kind === "pg") {
    const text = copyText(rows, { size: STREAM_CHUNK_BYTES, wholeRows: false }, counter);
    await pipeline(Readable.from(text), sink.client.query(copyFrom(copySql(target, "STDIN"))));
    return counter.rows;
  }
  for await (const piece of copyText(rows, { size: CHUNK_BYTES, wholeRows: true }, counter)) {
    // Pieces here are strings or Buffers over plain ArrayBuffers, never shared memory.
    await sink.client.query(copySql(target, "'/dev/blob'"), [], { blob: new Blob([piece as string | Uint8Array<ArrayBuffer>]) });
  }
  return counter.rows;
}

/**
 * The rows as COPY text in pieces of about `size` bytes. One write per row would cost a socket
 * write (PostgreSQL) per row, most of a COPY's time for small rows; arrays and batches are read
 * without an await per row, which at a million rows is a cost of its own.
 */
async function* copyText(rows: CopyRows, options: PieceOptions, counter: { rows: number }): AsyncGenerator<string | Uint8Array> {
  if ("encoded" in rows) {
    // PGlite: pieces joined up to `size`, one COPY each, instead of a COPY per small piece.
    let joined: Uint8Array[] = [];
    let bytes = 0;
    for await (const { piece, rows: count } of rows.encoded) {
      counter.rows += count;
      if (!options.wholeRows) {
        yield piece;
        continue;
      }
      joined.push(piece);
      bytes += piece.byteLength;
      if (bytes >= options.size) {
        yield joined.length === 1 ? piece : Buffer.concat(joined);
        joined = [];
        bytes = 0;
      }
    }
    if (joined.length > 0) yield Buffer.concat(joined);
    return;
  }
  const pieces = new CopyPieces(options.size, options);
  if ("batches" in rows) {
    for await (const batch of rows.batches) {
      for (const row of batch) {
        pieces.row(row);
        while (pieces.ready.length > 0) yield pieces.ready.shift()!.piece;
      }
      counter.rows += batch.length;
    }
  } else if (Symbol.iterator in rows) {
    for (const row of rows) {
      counter.rows += 1;
      pieces.row(row);
      while (pieces.ready.length > 0) yield pieces.ready.shift()!.piece;
    }
  } else {
    for await (const row of rows) {
      counter.rows += 1;
      pieces.row(row);
      while (pieces.ready.length > 0) yield pieces.ready.shift()!.piece;
    }
  }
  const rest = pieces.rest();
  if (rest !== null) yield rest.piece;
}

/**
 * COPY text written as UTF-8 straight into Buffers, whole rows per piece (PGlite runs one COPY per
 * piece), the same bytes as toCopyLine's lines. Building each line and piece as a string cost a
 * concatenation per value, a copy to flatten the piece and a second pass to encode it, and left a
 * piece's worth of garbage per piece; here each value's text is written once (docs/benchmarks.md:
 * "App CPU per row in the import phase").
 */
export class CopyPieces {
  private buf: Buffer;
  private at = 0;
  /** Where the row being written starts in `buf`. */
  private rowStart = 0;
  /** Finished pieces with the number of rows each holds, to be taken by the caller. */
  readonly ready: { piece: Buffer; rows: number }[] = [];
  /** Rows finished in `buf`, not yet in a piece. */
  private rows = 0;
  private readonly wholeRows: boolean;

  constructor(
    private readonly size: number,
    options: { wholeRows?: boolean } = {},
  ) {
    this.buf = Buffer.allocUnsafe(size + PIECE_SLACK);
    this.wholeRows = options.wholeRows ?? true;
  }

  row(values: readonly CopyValue[]): void {
    this.rowStart = this.at;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (i > 0) this.byte(TAB);
      if (v === null || v === undefined) this.ascii("\\N");
      else if (typeof v === "string") {
        if (v !== "") this.text(copyEscape(v));
      } else if (v instanceof Uint8Array) this.bytea(v);
      else if (typeof v === "object") this.text(jsonText(v.json));
      else this.ascii(String(v));
    }
    this.byte(NEWLINE);
    this.rowStart = this.at;
    this.rows += 1;
    if (this.at >= this.size) this.cut(0);
  }

  /** The last piece and its rows, as `ready` holds them, once every row is written; null when it is empty. */
  rest(): { piece: Buffer; rows: number } | null {
    return this.at > 0 ? { piece: Buffer.from(this.buf.subarray(0, this.at)), rows: this.rows } : null;
  }

  // Text of any characters takes at most 3 bytes per UTF-16 unit; long text is measured instead.
  private text(s: string) {
    this.write(s, s.length > LONG_TEXT ? Buffer.byteLength(s) : s.length * 3);
  }

  private byte(value: number) {
    if (this.at === this.buf.length) this.cut(1);
    this.buf[this.at++] = value;
  }

  // ASCII is its own Latin-1: written without the UTF-8 encoder.
  private ascii(s: string) {
    if (this.at + s.length > this.buf.length) this.cut(s.length);
    this.at += this.buf.write(s, this.at, "latin1");
  }

  /**
   * bytea as \\x and two hex digits a byte (a stored file's 1 MB pieces), room made once for all of
   * it and the hex made a slice at a time: a string of the whole value's hex, encoded again as UTF-8
   * and grown into, cost more CPU than parsing the same file (docs/benchmarks.md).
   */
  private bytea(v: Uint8Array) {
    const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    const length = 3 + 2 * bytes.length;
    if (this.wholeRows && this.at + length > this.buf.length) this.cut(length);
    this.ascii("\\\\x");
    for (let i = 0; i < bytes.length; i += HEX_SLICE) this.ascii(bytes.toString("hex", i, Math.min(i + HEX_SLICE, bytes.length)));
  }

  private write(s: string, most: number) {
    if (this.at + most > this.buf.length) this.cut(most);
    this.at += this.buf.write(s, this.at);
  }

  /**
   * Ends the piece before the row begun: the piece goes out as a copy of its own size, and the row
   * begun moves to the start of the buffer, which grows only for a row with room for `more` bytes.
   * One buffer is reused for every piece, so memory is what the old string pieces took.
   * Without whole rows, the piece takes the row begun too, so a long row (a stored file's 2 MB of
   * hex) goes out in pieces of the usual size: a block over glibc's mmap threshold
   * (MALLOC_MMAP_THRESHOLD_, 128 KB under npm start) is new memory each time, about 3 ms of page
   * faults a megabyte on this machine.
   */
  private cut(more: number) {
    if (!this.wholeRows) {
      if (this.at > 0) this.ready.push({ piece: Buffer.from(this.buf.subarray(0, this.at)), rows: this.rows });
      this.rows = 0;
      this.at = 0;
      this.rowStart = 0;
      if (more > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(this.size + PIECE_SLACK, more));
      return;
    }
    if (this.rowStart > 0) {
      this.ready.push({ piece: Buffer.from(this.buf.subarray(0, this.rowStart)), rows: this.rows });
      this.rows = 0;
    }
    const begun = this.at - this.rowStart;
    if (begun + more > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.size + PIECE_SLACK, begun + more));
      this.buf.copy(next, 0, this.rowStart, this.at);
      this.buf = next;
    } else this.buf.copyWithin(0, this.rowStart, this.at);
    this.at = begun;
    this.rowStart = 0;
  }
}

// COPY outside any transaction, on a connection of its own.
export async function copyRows(database: Database, target: CopyTarget, rows: CopyRows): Promise<number> {
  if (database.kind === "pglite") return copyInto({ kind: "pglite", client: database.pglite }, target, rows);
  const client = await database.pool.connect();
  try {
    return await copyInto({ kind: "pg", client }, target, rows);
  } finally {
    client.release();
  }
}
