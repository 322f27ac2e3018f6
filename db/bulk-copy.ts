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
// PostgreSQL: COPY data is written in pieces of about this size.
const STREAM_CHUNK_CHARS = 64 * 1024;

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
    await pipeline(Readable.from(copyText(rows, STREAM_CHUNK_CHARS, counter)), sink.client.query(copyFrom(copySql(target, "STDIN"))));
    return counter.rows;
  }
  for await (const piece of copyText(rows, CHUNK_BYTES, counter)) {
    // Pieces here are strings or Buffers over plain ArrayBuffers, never shared memory.
    await sink.client.query(copySql(target, "'/dev/blob'"), [], { blob: new Blob([piece as string | Uint8Array<ArrayBuffer>]) });
  }
  return counter.rows;
}

/**
 * The rows as COPY text in pieces of about `size` characters. One write per row would cost a socket
 * write (PostgreSQL) per row, most of a COPY's time for small rows; arrays and batches are read
 * without an await per row, which at a million rows is a cost of its own.
 */
async function* copyText(rows: CopyRows, size: number, counter: { rows: number }): AsyncGenerator<string | Uint8Array> {
  if ("encoded" in rows) {
    for await (const { piece, rows: count } of rows.encoded) {
      counter.rows += count;
      yield piece;
    }
    return;
  }
  let piece = "";
  const add = (row: readonly CopyValue[]) => {
    counter.rows += 1;
    piece += toCopyLine(row);
    if (piece.length < size) return null;
    const full = piece;
    piece = "";
    return full;
  };
  if ("batches" in rows) {
    for await (const batch of rows.batches) {
      for (const row of batch) {
        const full = add(row);
        if (full !== null) yield full;
      }
    }
  } else if (Symbol.iterator in rows) {
    for (const row of rows) {
      const full = add(row);
      if (full !== null) yield full;
    }
  } else {
    for await (const row of rows) {
      const full = add(row);
      if (full !== null) yield full;
    }
  }
  if (piece !== "") yield piece;
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
