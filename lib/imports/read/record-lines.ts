// File line numbers for parsed CSV records, so every report can say "line 12".
//
// csv-parse's own `info.lines` is the line where a record ENDS, and it counts a CRLF inside a
// quoted field as two lines (csv-parse 7.0.3), so it is neither the start line nor reliable.
// Instead we count: a record starts on the line after the previous record ended, and spans one
// line plus every line break kept inside its (quoted) values. Blank lines reach us as records
// (skip_empty_lines is off), so nothing is skipped without being counted.

export type CsvRow = {
  cells: string[];
  /** 1-based file line where the record starts. */
  line: number;
  /** 1-based file line where the record ends; larger than `line` when a value holds line breaks. */
  endLine: number;
  /** True for an empty line, or a line of only delimiters and spaces (",,,," from Excel). */
  blank: boolean;
  /** Characters of a record over the per-row limit, left out (long-rows.ts); its cells are empty. */
  tooLong?: number;
  /** The parser found no NUL and no U+FFFD in the text the record came from: no value holds one. */
  plain?: boolean;
};

export type LineTracker = {
  /** Line where the next record starts; after a parse error, the line of the failing record. */
  readonly nextLine: number;
  /** `breaks`: the line breaks inside the values when the parser has counted them already. */
  locate(cells: string[], breaks?: number, plain?: boolean): CsvRow;
};

import { readTooLongMarker } from "./long-rows";

const LINE_BREAK = /\r\n|\r|\n/g;

export function createLineTracker(): LineTracker {
  let nextLine = 1;
  return {
    get nextLine() {
      return nextLine;
    },
    locate(cells, counted, plain = false) {
      const line = nextLine;
      const dropped = readTooLongMarker(cells);
      if (dropped) {
        nextLine = line + dropped.breaks + 1;
        return { cells: [], line, endLine: line + dropped.breaks, blank: false, tooLong: dropped.chars };
      }
      let breaks = counted ?? 0;
      if (counted === undefined) {
        for (const cell of cells) {
          // Most cells hold no line break; skipping the regex for them is most of this function's cost.
          if (cell.includes("\n") || cell.includes("\r")) breaks += cell.match(LINE_BREAK)?.length ?? 0;
        }
      }
      nextLine = line + breaks + 1;
      return { cells, line, endLine: line + breaks, blank: isBlankRecord(cells), plain };
    },
  };
}

export function isBlankRecord(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}
