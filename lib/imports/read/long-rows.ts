// Keeps one over-long row from refusing a whole file. Between the decoder and csv-parse, this finds
// where each record ends (as csv-parse will: quotes open only at a field's start, "" inside quotes
// is a quote, CRLF, LF and a lone CR end a record) and passes every record whose text is within the
// limit through unchanged. A longer record never reaches csv-parse (whose max_record_size would stop
// the file): in its place goes a one-cell marker naming its length and the line breaks it spanned,
// which the line tracker (record-lines.ts) turns into a row reported with its lines and reason.
// Memory: at most one record of `maxRecordSize` characters is held, as csv-parse would hold it.
import { Transform, type TransformCallback } from "node:stream";

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

export function createLongRowGuard(options: { delimiter: string; maxRecordSize: number }): Transform {
  const delimiter = options.delimiter.charCodeAt(0);
  const max = options.maxRecordSize;
  let held = ""; // the current record's text so far, while it is within the limit
  let length = 0; // characters of the current record so far
  let breaks = 0; // line breaks inside the current record's quoted values
  let dropping = false;
  let quoted = false;
  let quoteSeen = false; // a quote inside a quoted value: closes it, unless another quote follows
  let fieldStart = true;
  let afterCr = false; // a CR just ended a record (or a line inside quotes): a LF next is part of it

  function scan(text: string): string {
    let out = "";
    let from = 0; // start of the text not yet added to `out` or `held`
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const crlf = afterCr && c === LF;
      afterCr = false;
      if (crlf && !quoted) continue; // the LF of a CRLF that already ended the record
      if (quoteSeen) {
        quoteSeen = false;
        if (c === QUOTE) {
          length += 1;
          continue;
        }
        quoted = false;
      }
      length += 1;
      if (quoted) {
        if (c === QUOTE) quoteSeen = true;
        else if (c === CR) {
          breaks += 1;
          afterCr = true;
        }
        else if (c === LF && !crlf) breaks += 1;
      } else if (c === LF || c === CR) {
        afterCr = c === CR;
        // The marker ends as the record did: a LF after this CR still makes one CRLF with it.
        if (dropping) out += tooLongMarker(length - 1, breaks) + text[i];
        else out += held + text.slice(from, i + 1);
        from = i + 1;
        held = "";
        length = 0;
        breaks = 0;
        dropping = false;
        fieldStart = true;
        continue;
      } else if (c === QUOTE && fieldStart) quoted = true;
      else if (c === delimiter) {
        fieldStart = true;
        continue;
      }
      fieldStart = false;
      if (!dropping && length > max) {
        dropping = true;
        held = "";
        from = text.length;
      }
    }
    if (!dropping) held += text.slice(from);
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
      if (quoteSeen) quoted = false;
      const rest = dropping ? tooLongMarker(length, breaks) : held;
      done(null, rest === "" ? undefined : rest);
    },
  });
}
