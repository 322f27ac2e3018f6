// Keeps one over-long row from refusing a whole file. Between the decoder and csv-parse, this finds
// where each record ends (as csv-parse will: quotes open only at a field's start, "" inside quotes
// is a quote, CRLF, LF and a lone CR end a record) and passes every record whose text is within the
// limit through unchanged. A longer record never reaches csv-parse (whose max_record_size would stop
// the file): in its place goes a one-cell marker naming its length and the line breaks it spanned,
// which the line tracker (record-lines.ts) turns into a row reported with its lines and reason.
// Memory: at most one record of `maxRecordSize` characters is held, as csv-parse would hold it.
// Speed: the scan jumps from quote to line break with indexOf (native), never a JS step per
// character: a character loop here cost ~7 us per row of a million-row upload, a third of staging.
import { Transform, type TransformCallback } from "node:stream";
import { breakFinder } from "./break-finder";

const MARKER = "\u0000row-too-long\u0000";

/** The marker standing in for a dropped record; it holds no delimiter, quote or line break. */
export const tooLongMarker = (chars: number, breaks: number) => `${MARKER}${chars}\u0000${breaks}`;

/** A dropped record's length and line breaks, when `cells` is its marker. */
export function readTooLongMarker(cells: string[]): { chars: number; breaks: number } | null {
  if (cells.length !== 1 || !cells[0]!.startsWith(MARKER)) return null;
  const [chars, breaks] = cells[0]!.slice(MARKER.length).split("\u0000").map(Number);
  return Number.isInteger(chars) && Number.isInteger(breaks) ? { chars: chars!, breaks: breaks! } : null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** `prev` at the start of a record: a quote there opens a quoted value. */
const RECORD_START = -1;

export function createLongRowGuard(options: { delimiter: string; maxRecordSize: number }): Transform {
  const delimiter = options.delimiter.charCodeAt(0);
  const max = options.maxRecordSize;
  // Carried from one chunk to the next:
  let held = ""; // the current record's text from earlier chunks, while it is within the limit
  let length = 0; // characters of the current record so far (its ending not counted)
  let breaks = 0; // line breaks inside the current record's quoted values (CRLF counts once)
  let dropping = false; // the current record is over the limit: its text is thrown away
  let quoted = false;
  let quoteSeen = false; // the chunk ended on a quote inside a quoted value: "" or a closing quote
  let afterCr = false; // the chunk ended on a CR: a LF first in the next one belongs to it
  let prev = RECORD_START; // the character before the scan position, for "a quote at a field's start"

  function scan(text: string): string {
    const n = text.length;
    let out = "";
    let pendingHeld = held; // written before this chunk's first record, when that record is kept
    let from = 0; // text before `from` is written to `out` or thrown away
    let recordStart = -1; // where the current record starts in this chunk; -1: in an earlier chunk
    let i = 0;
    // Next quote / LF / CR at or after a position (break-finder.ts).
    const { quoteAt, breakAt } = breakFinder(text);
    const emit = (upTo: number) => {
      out += pendingHeld + text.slice(from, upTo);
      pendingHeld = "";
      from = upTo;
    };
    // Line breaks in text[a, b), all inside one quoted value; a LF right after a CR is the same break.
    const countBreaks = (a: number, b: number) => {
      const first = breakAt(a);
      if (first === -1 || first >= b) return;
      for (let k = first; k < b; k++) {
        const c = text.charCodeAt(k);
        if (c === CR) breaks += 1;
        else if (c === LF && !(k === 0 ? afterCr : text.charCodeAt(k - 1) === CR)) breaks += 1;
      }
    };

    if (afterCr && n > 0) {
      afterCr = false;
      if (!quoted && text.charCodeAt(0) === LF) i = 1; // the LF of a CRLF that already ended the record
      else if (quoted && text.charCodeAt(0) === LF) {
        length += 1;
        i = 1;
      }
    }
    if (quoteSeen && n > 0) {
      quoteSeen = false;
      if (text.charCodeAt(0) === QUOTE) {
        length += 1;
        i = 1;
      } else {
        quoted = false;
        prev = QUOTE;
      }
    }
    while (i < n) {
      if (quoted) {
        const q = quoteAt(i);
        const end = q === -1 ? n : q;
        countBreaks(i, end);
        if (q === -1) {
          length += n - i;
          afterCr = text.charCodeAt(n - 1) === CR;
          i = n;
          break;
        }
        length += q - i + 1;
        if (q + 1 === n) {
          quoteSeen = true;
          i = n;
        } else if (text.charCodeAt(q + 1) === QUOTE) {
          length += 1;
          i = q + 2;
        } else {
          quoted = false;
          prev = QUOTE;
          i = q + 1;
        }
        continue;
      }
      const q = quoteAt(i);
      const br = breakAt(i);
      if (q !== -1 && (br === -1 || q < br)) {
        const before = q > i ? text.charCodeAt(q - 1) : prev;
        length += q - i + 1;
        if (before === delimiter || before === RECORD_START) quoted = true;
        else prev = QUOTE;
        i = q + 1;
        continue;
      }
      if (br === -1) {
        length += n - i;
        prev = text.charCodeAt(n - 1);
        i = n;
        break;
      }
      // The record ends at `br`.
      length += br - i;
      if (dropping || length > max) {
        if (recordStart >= 0) emit(recordStart);
        else pendingHeld = "";
        // The marker ends as the record did: a LF after this CR still makes one CRLF with it.
        out += tooLongMarker(length, breaks) + text[br];
        from = br + 1;
      }
      length = 0;
      breaks = 0;
      dropping = false;
      prev = RECORD_START;
      recordStart = br + 1;
      i = br + 1;
      if (text.charCodeAt(br) === CR) {
        if (i === n) afterCr = true;
        else if (text.charCodeAt(i) === LF) i += 1;
      }
    }
    if (recordStart >= 0) emit(recordStart);
    if (length > max) dropping = true;
    if (dropping) held = "";
    else held = recordStart >= 0 ? text.slice(recordStart) : pendingHeld + text;
    return out;
  }

  return new Transform({
    decodeStrings: false,
    encoding: "utf8",
    transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const out = scan(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      done(null, out === "" ? undefined : out);
    },
    flush(done: TransformCallback) {
      const rest = dropping || length > max ? tooLongMarker(length, breaks) : held;
      done(null, rest === "" ? undefined : rest);
    },
  });
}
