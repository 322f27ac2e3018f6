import { describe, expect, it } from "vitest";
import { readRecordBatches } from "../read/read-csv";
import { ImportRefused } from "../read/refusal";
import type { ReadSettings } from "../settings";
import { createStager, type StagedRow } from "./stage-rows";

async function* chunks(bytes: Uint8Array, size = 7) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function stage(input: string | Uint8Array, settings: Partial<ReadSettings> = {}) {
  const full: ReadSettings = { encoding: "utf-8", delimiter: ",", header: true, ...settings };
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const stager = createStager({ header: full.header, encoding: full.encoding });
  const rows: StagedRow[] = [];
  for await (const batch of readRecordBatches(chunks(bytes), full)) {
    for (const record of batch) {
      const row = stager.take(record);
      if (row) rows.push(row);
    }
  }
  return { rows, summary: stager.finish() };
}

describe("staging a file", () => {
  it("keeps values exactly as given, leading zeros and spaces included", async () => {
    const { rows, summary } = await stage("Zip,Name\n02134, Ann \n");
    expect(summary.headers).toEqual(["Zip", "Name"]);
    expect(rows).toEqual([{ line: 2, cells: ["02134", " Ann "], problem: null }]);
  });

  it("numbers rows by the file line they start on, across quoted line breaks", async () => {
    const { rows } = await stage('a,b\r\n"one\r\ntwo",x\r\n3,4\r\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]!.cells).toEqual(["one\r\ntwo", "x"]);
  });

  it("skips blank lines and says which", async () => {
    const { rows, summary } = await stage("a,b\n1,2\n\n,,\n3,4\n");
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(summary.notices).toEqual([{ message: "Lines 3, 4 are blank and were skipped." }]);
  });

  it("keeps short and long rows with a problem naming the column count", async () => {
    const { rows, summary } = await stage("a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n");
    expect(rows.map((r) => r.problem)).toEqual([
      "This row has 2 values but the header has 3 columns.",
      "This row has 4 values but the header has 3 columns; check for an unquoted delimiter in a value.",
      null,
    ]);
    expect(rows[1]!.cells).toEqual(["1", "2", "3", "4"]);
    expect(rows[2]!.cells).toEqual(["1", "2", "3"]);
    expect(summary.unreadable).toBe(2);
  });

  it("names empty and repeated headers", async () => {
    const { summary } = await stage("Email,,email\n1,2,3\n");
    expect(summary.headers).toEqual(["Email", "Column 2", "email (2)"]);
    expect(summary.notices).toHaveLength(2);
  });

  it("stages every row when the file has no header row", async () => {
    const { rows, summary } = await stage("1,2\n3,4\n", { header: false });
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(summary.headers).toEqual(["Column 1", "Column 2"]);
  });

  it("replaces NUL bytes, which PostgreSQL text cannot hold, and says where", async () => {
    const { rows, summary } = await stage("a,b\nx\u0000y,2\n");
    expect(rows[0]!.cells).toEqual(["x\uFFFDy", "2"]);
    expect(summary.notices[0]!.message).toContain("Line 2 has NUL bytes");
  });

  it("marks bytes that are not valid in the chosen encoding", async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("a,b\nJos"), 0xe9, ...new TextEncoder().encode(",2\n")]);
    const utf8 = await stage(bytes);
    expect(utf8.rows[0]!.cells[0]).toBe("Jos\uFFFD");
    expect(utf8.summary.notices[0]!.message).toContain("not valid utf-8");
    const latin = await stage(bytes, { encoding: "windows-1252" });
    expect(latin.rows[0]!.cells[0]).toBe("José");
    expect(latin.summary.notices).toEqual([]);
  });

  it("reads UTF-16 split across chunks at odd bytes", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a;b\r\nü;2\r\n", "utf16le")]);
    const { rows } = await stage(utf16, { encoding: "utf-16le", delimiter: ";" });
    expect(rows).toEqual([{ line: 2, cells: ["ü", "2"], problem: null }]);
  });

  it("refuses an unclosed quote naming the line it starts on", async () => {
    const error = await stage('a,b\n1,2\n3,"open\n4,5\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/^Line 3: a value starts with a quote/);
  });

  it("reports a row longer than the record size limit with its lines and reason, and stages every other row", async () => {
    const bytes = new TextEncoder().encode(`a,b\n1,"${"x".repeat(300)}\nmore"\n2,ok\n`);
    const stager = createStager({ header: true, encoding: "utf-8", maxRecordSize: 100 });
    const rows: StagedRow[] = [];
    for await (const batch of readRecordBatches(chunks(bytes, 64), { encoding: "utf-8", delimiter: ",", maxRecordSize: 100 })) {
      for (const record of batch) {
        const row = stager.take(record);
        if (row) rows.push(row);
      }
    }
    expect(rows).toEqual([
      {
        line: 2,
        cells: [],
        problem: "Row longer than the 100 character limit for one row (lines 2 to 3): not imported. A row that long usually means a missing closing quote or the wrong delimiter.",
      },
      { line: 4, cells: ["2", "ok"], problem: null },
    ]);
    expect(stager.finish()).toMatchObject({ rows: 2, unreadable: 1 });
  });

  it("refuses a file whose header row is over the limit: no column could be named", async () => {
    const bytes = new TextEncoder().encode(`${"h,".repeat(80)}h\n1,2\n`);
    const stager = createStager({ header: true, encoding: "utf-8", maxRecordSize: 100 });
    const read = async () => {
      for await (const batch of readRecordBatches(chunks(bytes, 64), { encoding: "utf-8", delimiter: ",", maxRecordSize: 100 })) batch.forEach((r) => stager.take(r));
    };
    await expect(read()).rejects.toThrow(/^Line 1: the header row is longer than the 100 character limit/);
  });
});
