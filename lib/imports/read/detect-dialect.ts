// Guesses the delimiter and whether row 1 names the columns; the wizard shows both with an override.
import { looksLikeDataValue } from "../map/value-shapes";

export type Delimiter = "," | ";" | "\t" | "|";

// Ties go to the earlier entry: comma is the default and by far the most common.
const DELIMITERS: Delimiter[] = [",", ";", "\t", "|"];
const SAMPLE_LINES = 20;
const MAX_HEADER_LENGTH = 60;

/**
 * Counts each candidate per line, outside quoted fields, over the first lines of the sample, and
 * picks the one whose count is the same non-zero number on the most lines (then the larger count).
 * Hand-written because csv-parse's `delimiter_auto` fails on the first quoted field containing a
 * candidate (it tokenizes the sample without any delimiter) and scores every ASCII character.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = logicalLines(sample).slice(0, SAMPLE_LINES);
  let best: { delimiter: Delimiter; consistency: number; count: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const { count, consistency } = modeOf(lines.map((line) => countOutsideQuotes(line, delimiter)));
    if (count === 0) continue;
    const better =
      !best || consistency > best.consistency || (consistency === best.consistency && count > best.count);
    if (better) best = { delimiter, consistency, count };
  }
  return best?.delimiter ?? ",";
}

/** Splits on line breaks outside quotes; drops blank lines and a last line the sample cut short. */
function logicalLines(sample: string): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const char = sample[index];
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === "\n" || char === "\r")) {
      lines.push(sample.slice(start, index));
      start = index + 1;
    }
  }
  if (start < sample.length && lines.length === 0) lines.push(sample.slice(start));
  return lines.filter((line) => line.trim() !== "");
}

function countOutsideQuotes(line: string, delimiter: Delimiter): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
  }
  return count;
}

/** The most frequent count and the share of lines that have it. */
function modeOf(counts: number[]): { count: number; consistency: number } {
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let mode = { count: 0, lines: 0 };
  for (const [count, lines] of frequency) {
    if (lines > mode.lines || (lines === mode.lines && count > mode.count)) mode = { count, lines };
  }
  return { count: mode.count, consistency: counts.length === 0 ? 0 : mode.lines / counts.length };
}

/**
 * Row 1 is a header unless it looks like data: a value that is a number, email, phone, date or
 * IP address, a long free-text cell, or no names at all. A second row adds one check: a name
 * repeated as the value right below it ("VA" over "VA") means row 1 is data too. Rows of plain
 * words stay a header, since almost every export has one; the wizard can override.
 */
export function looksLikeHeader(firstRow: string[], secondRow?: string[]): boolean {
  const names = firstRow.map((cell) => cell.trim());
  if (names.every((name) => name === "")) return false;
  if (names.some((name) => name.length > MAX_HEADER_LENGTH || looksLikeDataValue(name))) return false;
  if (!secondRow) return true;
  return !names.some((name, column) => name !== "" && name === (secondRow[column] ?? "").trim());
}
