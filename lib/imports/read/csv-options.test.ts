import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createCsvParser, csvParseOptions, type CsvReadSettings } from "./csv-options";
import { describeCsvError } from "./csv-errors";
import { createDecoder, detectEncoding } from "./detect-encoding";
import { createLineTracker, type CsvRow } from "./record-lines";
import { sharedPath } from "@/tests/helpers/shared-dir";

const SPECTRUM = sharedPath("data", "csv-spectrum");

/** The upload path in miniature: bytes -> decoder -> csv-parse, collecting rows or the error. */
async function readCsv(input: string | Uint8Array, settings: Partial<CsvReadSettings> = {}) {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input);
  const lines = createLineTracker();
  const options = { delimiter: ",", ...settings, lines } as const;
  const parser = Readable.from([bytes])
    .pipe(createDecoder(detectEncoding(bytes).encoding))
    .pipe(createCsvParser(options));
  const rows: CsvRow[] = [];
  try {
    for await (const row of parser) rows.push(row as CsvRow);
    return { rows, error: null };
  } catch (error) {
    return { rows, error: describeCsvError(error, { line: lines.nextLine, ...options }) };
  }
}

function keyedByHeader(rows: CsvRow[]): Record<string, string | undefined>[] {
  const [header, ...data] = rows.map((row) => row.cells);
  return data.map((cells) => Object.fromEntries((header ?? []).map((name, index) => [name, cells[index]])));
}

// Known defects in the fixtures themselves, not in parsing:
// - location_coordinates.json still holds a placeholder phone that the CSV replaced upstream.
// - the *_crlf files lost their CRs in this checkout; they are also tested with CRLF restored.
const FIXTURE_CORRECTIONS: Record<string, Record<string, string>> = {
  location_coordinates: { "Contact Phone Number": "2095257564" },
};

function expectedFor(name: string, crlfRestored: boolean): Record<string, string>[] {
  const json: unknown = JSON.parse(readFileSync(join(SPECTRUM, "json", `${name}.json`), "utf8"));
  const records = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
  return records.map((record) => {
    const corrected = { ...record, ...FIXTURE_CORRECTIONS[name] };
    if (crlfRestored) return corrected;
    return Object.fromEntries(Object.entries(corrected).map(([key, value]) => [key, value.replace(/\r\n/g, "\n")]));
  });
}

describe("csvParseOptions", () => {
  it("asks for arrays, keeps odd-length rows and blank lines, and guards the record size", () => {
    expect(csvParseOptions({ delimiter: ";" })).toMatchObject({
      delimiter: ";",
      columns: false,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
      max_record_size: 10 * 1024 * 1024,
    });
    expect(csvParseOptions({ delimiter: ",", maxRecordSize: 500 }).max_record_size).toBe(500);
  });
});

describe("csvParseOptions against csv-spectrum", () => {
  const names = readdirSync(join(SPECTRUM, "csvs")).map((file) => file.replace(/\.csv$/, ""));

  it.each(names)("reads %s.csv record by record", async (name) => {
    const bytes = readFileSync(join(SPECTRUM, "csvs", `${name}.csv`));
    const { rows, error } = await readCsv(bytes);
    expect(error).toBeNull();
    expect(keyedByHeader(rows)).toEqual(expectedFor(name, false));
  });

  it.each(names.filter((name) => name.endsWith("_crlf")))("reads %s.csv with real CRLF line ends", async (name) => {
    const text = readFileSync(join(SPECTRUM, "csvs", `${name}.csv`), "utf8").replace(/\r?\n/g, "\r\n");
    const { rows, error } = await readCsv(text);
    expect(error).toBeNull();
    expect(keyedByHeader(rows)).toEqual(expectedFor(name, true));
  });
});

describe("csvParseOptions in the upload path", () => {
  it("gives each record the line it starts on, also after multi-line values and CRLF", async () => {
    const { rows } = await readCsv('a,b\r\n1,"two\r\nlines"\r\n3,4\r\n');
    expect(rows.map(({ cells, line, endLine }) => ({ cells, line, endLine }))).toEqual([
      { cells: ["a", "b"], line: 1, endLine: 1 },
      { cells: ["1", "two\r\nlines"], line: 2, endLine: 3 },
      { cells: ["3", "4"], line: 4, endLine: 4 },
    ]);
  });

  it("keeps blank lines as blank rows so they are counted and reported", async () => {
    const { rows } = await readCsv("a,b\n\n1,2\n,\n3,4");
    expect(rows.map(({ line, blank }) => ({ line, blank }))).toEqual([
      { line: 1, blank: false },
      { line: 2, blank: true },
      { line: 3, blank: false },
      { line: 4, blank: true },
      { line: 5, blank: false },
    ]);
  });

  it("keeps rows with too few or too many columns", async () => {
    const { rows, error } = await readCsv("a,b,c\n1,2\n1,2,3,4\n");
    expect(error).toBeNull();
    expect(rows.map((row) => row.cells.length)).toEqual([3, 2, 4]);
  });

  it("uses the chosen delimiter and keeps stray quotes inside unquoted values", async () => {
    const { rows } = await readCsv('name;height\nBob "Bo" Lee;5\'10"\n', { delimiter: ";" });
    expect(rows[1]?.cells).toEqual(['Bob "Bo" Lee', "5'10\""]);
  });

  it("names the line where an unclosed quote starts, not the end of the file", async () => {
    const { error } = await readCsv('a,b\n1,2\n3,"oops\n5,6\n7,8\n');
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/^Line 3: .*never closed/);
  });

  it("keeps NUL bytes inside a field without crashing", async () => {
    const { rows, error } = await readCsv(Uint8Array.from([...Buffer.from("a,b\n1,x"), 0, ...Buffer.from("y\n")]));
    expect(error).toBeNull();
    expect(rows[1]?.cells).toEqual(["1", "x\u0000y"]);
  });

  it("reads a single field of several megabytes under the limit", async () => {
    const big = "x".repeat(3 * 1024 * 1024);
    const { rows, error } = await readCsv(`a,b\n1,"${big}"\n2,3\n`);
    expect(error).toBeNull();
    expect(rows[1]?.cells[1]?.length).toBe(big.length);
    expect(rows[2]).toMatchObject({ cells: ["2", "3"], line: 3 });
  });

  it("stops at a record over the size limit and names its line and the limit", async () => {
    const { error } = await readCsv(`a,b\n1,2\n3,"${"x".repeat(5000)}"\n`, { maxRecordSize: 1000 });
    expect(error?.line).toBe(3);
    expect(error?.message).toContain("1,000 character limit");
  });

  it("ends a record at each of CRLF, LF and a lone CR in one file, with the right line numbers", async () => {
    const { rows, error } = await readCsv('a,b\r\n1,2\n3,4\r5,"x\ry"\r\n\r7,8\n');
    expect(error).toBeNull();
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ["a", "b"]],
      [2, ["1", "2"]],
      [3, ["3", "4"]],
      [4, ["5", "x\ry"]],
      [6, [""]],
      [7, ["7", "8"]],
    ]);
  });

  it("reads Windows-1252 and UTF-16 files through the same path", async () => {
    const latin = Uint8Array.from([...Buffer.from("name\nJos"), 0xe9, 0x0a]);
    expect((await readCsv(latin)).rows[1]?.cells).toEqual(["José"]);
    const utf16 = Buffer.from("\ufeffname,city\nZoë,Zürich\n", "utf16le");
    expect((await readCsv(utf16)).rows[1]?.cells).toEqual(["Zoë", "Zürich"]);
  });
});

describe("describeCsvError", () => {
  it("leaves errors that are not CSV errors to be rethrown", () => {
    expect(describeCsvError(new Error("boom"), { line: 1 })).toBeNull();
  });
});
