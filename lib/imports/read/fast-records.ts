// Records out of the long-row guard's text without csv-parse's byte-by-byte loop, for the rows that
// need no judgement: every value either unquoted with no quote in it, or wholly quoted ("..." with
// "" for a quote, then a delimiter or the end of the row). Those are split with indexOf and slice
// (native). Any other row (a quote inside an unquoted value, text after a closing quote, an
// unclosed quote) goes to csv-parse itself with the upload's options, one row at a time, so
// csv-parse still decides every case it decided before, errors included. Same records, same line
// numbers (record-lines.ts): fast-records.test.ts compares the two on random texts.
// Why: csv-parse was a third of staging's CPU (docs/benchmarks.md, issue #12).
import { Transform, type TransformCallback } from "node:stream";
import { Parser } from "csv-parse";
import { csvParseOptions } from "./csv-options";
import type { Delimiter } from "./detect-dialect";
import type { LineTracker } from "./record-lines";
import { breakFinder } from "./break-finder";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A row left to csv-parse. */
const DEVIANT = -2;
/** The text ends inside the row: it continues in the next chunk. */
const INCOMPLETE = -1;

/**
 * Object-mode Transform: string chunks in (as the long-row guard writes them), CsvRow records out,
 * each located by `lines` as it is pushed. A row that might be over `maxRecordSize` bytes is left to
 * csv-parse, whose limit it is.
 */
export function createRecordParser(options: { delimiter: Delimiter; maxRecordSize: number; lines: LineTracker }): Transform {
  const delimiter = options.delimiter;
  const delimiterCode = delimiter.charCodeAt(0);
  const parseOptions = csvParseOptions({ delimiter: options.delimiter, maxRecordSize: options.maxRecordSize });
  let carry = "";
  let skipLf = false; // the last row ended on a CR at a chunk's end: a LF first in the next is its CRLF

  function run(text: string, atEnd: boolean, push: (row: string[], breaks?: number, plain?: boolean) => void) {
    const n = text.length;
    // Two searches of the text spare the stager two of every value (stage-rows.ts cleanCells).
    const plain = !text.includes("\u0000") && !text.includes("\uFFFD");
    let i = 0;
    if (skipLf && n > 0) {
      skipLf = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    // Next quote / LF / CR at or after a position (break-finder.ts).
    const { quoteAt, breakAt } = breakFinder(text);
    let cells: string[] = [];
    // Line breaks inside the row's values: only a quoted value can hold one.
    let breaks = 0;
    // Reads one row from `start`; returns the index of its line break (or n at the end of the file),
    // or DEVIANT / INCOMPLETE.
    const row = (start: number): number => {
      cells = [];
      breaks = 0;
      let p = start;
      for (;;) {
        if (p < n && text.charCodeAt(p) === QUOTE) {
          let value = "";
          let from = p + 1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1 || q + 1 === n) return atEnd && q + 1 === n ? closeQuoted(value + text.slice(from, q), n) : atEnd ? DEVIANT : INCOMPLETE;
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += text.slice(from, q);
            p = q + 1;
            break;
          }
          const c = text.charCodeAt(p);
          breaks += countLineBreaks(value);
          cells.push(value);
          if (c === delimiterCode) {
            p += 1;
            continue;
          }
          return c === LF || c === CR ? p : DEVIANT;
        }
        const d = text.indexOf(delimiter, p);
        const b = breakAt(p);
        const end = b === -1 ? (d === -1 ? n : d) : d === -1 ? b : Math.min(b, d);
        const q = quoteAt(p);
        if (q !== -1 && q < end) return DEVIANT;
        if (end === n && !atEnd) return INCOMPLETE;
        cells.push(text.slice(p, end));
        if (end === d) {
          p = d + 1;
          continue;
        }
        return end;
      }
    };
    // A quoted value closed by the file's last character.
    const closeQuoted = (value: string, end: number) => {
      breaks += countLineBreaks(value);
      cells.push(value);
      return end;
    };

    while (i < n) {
      const start = i;
      let end = row(start);
      if (end === INCOMPLETE) break;
      // csv-parse measures its limit in bytes (up to 3 per character here): a row that might pass it is its call.
      if (end !== DEVIANT && (end - start) * 3 > options.maxRecordSize) end = DEVIANT;
      if (end === DEVIANT) {
        end = recordEnd(text, start, delimiterCode);
        if (end === -1 && !atEnd) break;
        if (end === -1) end = n;
        for (const record of bySlowParser(text.slice(start, end), parseOptions)) push(record);
      } else push(cells, breaks, plain);
      if (end >= n) {
        i = n;
        break;
      }
      i = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (i === n) skipLf = true;
        else if (text.charCodeAt(i) === LF) i += 1;
      }
    }
    return i;
  }

  return new Transform({
    decodeStrings: false,
    readableObjectMode: true,
    transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        const text = carry + (typeof chunk === "string" ? chunk : chunk.toString("utf8"));
        const used = run(text, false, (record, breaks, plain) => this.push(options.lines.locate(record, breaks, plain)));
        carry = text.slice(used);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (carry !== "") run(carry, true, (record, breaks, plain) => this.push(options.lines.locate(record, breaks, plain)));
        carry = "";
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks in a value as the line tracker counts them (CRLF as one). */
function countLineBreaks(value: string): number {
  return value.includes("\n") || value.includes("\r") ? (value.match(LINE_BREAK)?.length ?? 0) : 0;
}

/**
 * Where the row starting at `start` ends (its line break), with csv-parse's reading of quotes as the
 * long-row guard has it: a quote opens a quoted value only at a value's start, "" inside one is a
 * quote; -1 when the text ends first.
 */
function recordEnd(text: string, start: number, delimiter: number): number {
  let quoted = false;
  let atValueStart = true;
  for (let k = start; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (quoted) {
      if (c !== QUOTE) continue;
      if (k + 1 < text.length && text.charCodeAt(k + 1) === QUOTE) k += 1;
      else quoted = false;
      continue;
    }
    if (c === LF || c === CR) return k;
    if (c === QUOTE && atValueStart) quoted = true;
    atValueStart = c === delimiter;
  }
  return -1;
}

type SyncApi = { parse(buf: Buffer | undefined, end: boolean, push: (record: unknown) => void, close: () => void): Error | undefined };

/** One row's text through csv-parse, as the stream would parse it; its errors are csv-parse's own. */
function bySlowParser(text: string, parseOptions: ReturnType<typeof csvParseOptions>): string[][] {
  // `api` is the parser's synchronous core, which the stream's own _transform calls (csv-parse 7).
  const parser = new Parser(parseOptions) as Parser & { api: SyncApi };
  const records: string[][] = [];
  const push = (record: unknown) => records.push(record as string[]);
  const close = () => {};
  const failed = parser.api.parse(Buffer.from(text), false, push, close) ?? parser.api.parse(undefined, true, push, close);
  if (failed) throw failed;
  return records;
}
