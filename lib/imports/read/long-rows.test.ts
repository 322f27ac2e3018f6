import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createCsvParser } from "./csv-options";
import { createLongRowGuard } from "./long-rows";
import { createLineTracker, type CsvRow } from "./record-lines";

/** decoded text -> guard -> csv-parse, in chunks of `chunk` characters, as the upload path reads it. */
async function read(text: string, maxRecordSize: number, chunk = 3) {
  const pieces = Array.from({ length: Math.ceil(text.length / chunk) }, (_, i) => text.slice(i * chunk, (i + 1) * chunk));
  const parser = Readable.from(pieces).pipe(createLongRowGuard({ delimiter: ",", maxRecordSize })).pipe(createCsvParser({ delimiter: ",", lines: createLineTracker() }));
  const rows: CsvRow[] = [];
  for await (const row of parser) rows.push(row as CsvRow);
  return rows.map((r) => (r.tooLong === undefined ? [r.line, r.cells] : [r.line, r.endLine, "too long", r.tooLong]));
}

describe("createLongRowGuard", () => {
  it("passes rows within the limit through unchanged, quotes, commas and line breaks in values included", async () => {
    const text = 'a,b\r\n"x, ""y""\nz",2\r3,"4"\n';
    expect(await read(text, 100)).toEqual([
      [1, ["a", "b"]],
      [2, ['x, "y"\nz', "2"]],
      [4, ["3", "4"]],
    ]);
  });

  it("leaves out a row over the limit, names its lines, and keeps every other row and line number", async () => {
    const long = `"${"x".repeat(30)}\n${"y".repeat(30)}"`;
    expect(await read(`a,b\n1,2\n3,${long}\r\n5,6\n`, 40)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [3, 4, "too long", long.length + 2],
      [5, ["5", "6"]],
    ]);
  });

  it("reports a row never closed by a quote as one long row up to the end of the file", async () => {
    expect(await read(`a,b\n1,2\n3,"${"z\n".repeat(20)}`, 20)).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [3, 23, "too long", 43],
    ]);
  });

  it("counts a row exactly at the limit as within it", async () => {
    expect(await read("abcde\nabcdef\n", 5, 2)).toEqual([
      [1, ["abcde"]],
      [2, 2, "too long", 6],
    ]);
  });

  it("counts every character of a row, a trailing delimiter or escaped quote included", async () => {
    expect(await read('a\n1234,\n"12"""\n5\n', 4, 1)).toEqual([
      [1, ["a"]],
      [2, 2, "too long", 5],
      [3, 3, "too long", 6],
      [4, ["5"]],
    ]);
  });

  it("reads the same rows whatever the chunk size, CRLF and quotes split across chunks included", async () => {
    const long = `"${"q\r\n".repeat(4)}"`;
    const text = `a,b\r\n"x ""y""\r\nz",2\r3,${long}\r\n"",""""\n5,"6"\r\n`;
    const whole = await read(text, 14, text.length);
    expect(whole).toEqual([
      [1, ["a", "b"]],
      [2, ['x "y"\r\nz', "2"]],
      [4, 8, "too long", 16],
      [9, ["", '"']],
      [10, ["5", "6"]],
    ]);
    for (let chunk = 1; chunk < 12; chunk++) expect(await read(text, 14, chunk)).toEqual(whole);
  });
});
