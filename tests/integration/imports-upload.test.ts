// Uploading through the real route handler: every bad-input case of issue #5 ends in a clear
// message or a staged row with its line, and the csv-spectrum corpus stages exactly its records.
import { readdirSync, readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { importFiles, imports } from "@/db/schema";
import { env } from "@/lib/env";
import { queryOf, readRows } from "@/lib/imports/stage/staged-rows";
import { SNIFF_MESSAGES } from "@/lib/imports/read/sniff";
import { SPREADSHEET_MESSAGES } from "@/lib/imports/read/xlsx-zip";
import { createAccount } from "../helpers/accounts";
import { uploadFile } from "../helpers/imports";
import { sharedPath } from "../helpers/shared-dir";
import { zipOf } from "../helpers/zip";

let target: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  target = await createAccount({ email: "uploads@example.com", password: "uploads-password" });
});

const staged = async (id: string) => readRows(queryOf(getDatabase()), id, 0, 10_000);
const importCount = async () => (await getDb().select({ n: count() }).from(imports))[0]!.n;

async function refused(content: string | Uint8Array, query?: string) {
  const before = await importCount();
  const res = await uploadFile(target, content, { query });
  const body = (await res.json()) as { error: string };
  expect(await importCount()).toBe(before);
  return { status: res.status, error: body.error };
}

describe("csv-spectrum through the upload route", () => {
  const dir = sharedPath("data", "csv-spectrum");
  const files = readdirSync(`${dir}/csvs`).filter((f) => f.endsWith(".csv"));

  // This copy of the *_crlf files lost its CRs (line endings normalized on checkout) while their
  // JSON twins keep "\r\n" inside values: put the CRLFs back to test what upstream tests.
  const bytesOf = (file: string) => {
    const content = readFileSync(`${dir}/csvs/${file}`);
    return file.endsWith("_crlf.csv") && !content.includes("\r") ? Buffer.from(content.toString("utf8").replace(/\n/g, "\r\n")) : content;
  };

  it.each(files)("stages exactly the records of %s", async (file) => {
    const res = await uploadFile(target, bytesOf(file), { chunkSize: 5 });
    expect(res.status).toBe(201);
    const { id, headers } = (await res.json()) as { id: string; headers: string[] };
    const twin = JSON.parse(readFileSync(`${dir}/json/${file.replace(/\.csv$/, ".json")}`, "utf8")) as Record<string, string> | Record<string, string>[];
    const expected = Array.isArray(twin) ? twin : [twin];
    const records = (await staged(id)).map((row) => Object.fromEntries(headers.map((h, i) => [h, row.fields[i]])));
    if (file === "location_coordinates.csv") {
      // Upstream's JSON twin disagrees with its own CSV on the phone number (1234567890 vs the file's
      // 2095257564); every other value must match, and the phone must be the file's, exactly.
      expect(records).toEqual([{ ...expected[0], "Contact Phone Number": "2095257564" }]);
    } else expect(records).toEqual(expected);
  });
});

describe("files that cannot be imported", () => {
  it("refuses an empty file", async () => {
    expect(await refused("")).toEqual({ status: 400, error: "The file is empty. Choose the CSV file that holds the leads." });
  });

  it("refuses a file with a header row and no data", async () => {
    expect(await refused("First Name,Email,Phone\r\n\r\n")).toMatchObject({ status: 400, error: expect.stringMatching(/^The file has a header row but no data rows/) });
  });

  it("refuses a file of blank lines", async () => {
    expect(await refused("\n\n  \n")).toMatchObject({ status: 400, error: expect.stringMatching(/every line is blank/) });
  });

  // Issue #16: a ZIP is read as an .xlsx workbook whatever its name (tests/integration/imports-xlsx.test.ts);
  // one cut short cannot be, and says how to save it again.
  it("says a workbook cut short cannot be read, and how to save it again", async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("[Content_Types].xml")]);
    expect(await refused(xlsx)).toEqual({ status: 400, error: SPREADSHEET_MESSAGES.damaged });
  });

  it("refuses images and zip archives", async () => {
    expect(await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ status: 415, error: SNIFF_MESSAGES.image });
    expect(await refused(zipOf([{ name: "readme.txt", data: Buffer.from("hello") }]))).toEqual({ status: 415, error: SPREADSHEET_MESSAGES.notWorkbook });
  });

  it("names the line of an unclosed quote", async () => {
    const { status, error } = await refused('Email,Notes\na@b.co,fine\nc@d.co,"never closed\ne@f.co,more\n');
    expect(status).toBe(400);
    expect(error).toMatch(/^Line 3: a value starts with a quote/);
  });

  it("refuses a query setting it does not know", async () => {
    expect(await refused("Email\na@b.co\n", "delimiter=%23")).toEqual({ status: 400, error: "delimiter must be comma, semicolon, tab or pipe" });
  });

  describe("over the size limit", () => {
    it("refuses by Content-Length before reading the body", async () => {
      const res = await uploadFile(target, "Email\na@b.co\n", { headers: { "content-length": String(env.IMPORT_MAX_BYTES + 1) } });
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatch(/^The file is larger than the 512 MB limit/);
    });

    it("stops reading as soon as the stream passes the limit, and keeps nothing", async () => {
      const limit = env.IMPORT_MAX_BYTES;
      const storedPieces = async () => (await getDb().select({ n: count() }).from(importFiles))[0]!.n;
      const piecesBefore = await storedPieces();
      env.IMPORT_MAX_BYTES = 200_000;
      try {
        const big = "Email,Notes\n" + "a@b.co,some notes about this lead\n".repeat(20_000);
        expect(await refused(big)).toEqual({ status: 413, error: "The file is larger than the 200,000 bytes limit. Split it into smaller files and import each one." });
        expect(await storedPieces()).toBe(piecesBefore);
      } finally {
        env.IMPORT_MAX_BYTES = limit;
      }
    });
  });
});

describe("files with problems that still import", () => {
  async function upload(content: string | Uint8Array, query?: string) {
    const res = await uploadFile(target, content, { query });
    expect(res.status).toBe(201);
    const view = (await res.json()) as { id: string; rows: number; headers: string[]; notices: Array<{ message: string }>; settings: Record<string, unknown>; unreadable: number };
    return { view, rows: await staged(view.id) };
  }

  it("stores each row's cells as the JSON text JSON.stringify writes, odd values included, through the staging worker", async () => {
    const odd = [["Ann", 'say "hi", then'], ["back\\slash", "tab\there"], ["two\r\nlines", "lone\rcr"], ["Zoë 😀", "\u2028 \u0001"], ["", "x"]];
    const quoted = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",");
    // Past the first 64 KB, so the rows are parsed in the worker thread.
    const filler = Array.from({ length: 4000 }, (_, i) => `lead${i}@example.com,5125550${String(i).padStart(3, "0")}`);
    const { view } = await upload(["Name,Note", ...odd.map(quoted), ...filler, ...odd.map(quoted)].join("\n") + "\n");
    const stored = await queryOf(getDatabase())<{ text: string }>("select fields::text as text from import_rows where import_id = $1 order by line", [view.id]);
    const expected = [...odd, ...filler.map((line) => line.split(",")), ...odd].map((cells) => JSON.stringify(cells));
    expect(stored.rows.map((row) => row.text)).toEqual(expected);
  });

  it("keeps values as text exactly as given: zip 02134 keeps its zero", async () => {
    const { rows } = await upload("Email,Zip,Amount\na@b.co,02134, 1e3 \n");
    expect(rows[0]!.fields).toEqual(["a@b.co", "02134", " 1e3 "]);
  });

  it("keeps rows with too few or too many values, with their line numbers", async () => {
    const { view, rows } = await upload("Email,Phone,State\na@b.co,5125550100,TX\nshort@b.co\nlong@b.co,5125550101,TX,extra\n");
    expect(view.rows).toBe(3);
    expect(view.unreadable).toBe(2);
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [3, "This row has 1 value but the header has 3 columns."],
      [4, "This row has 4 values but the header has 3 columns; check for an unquoted delimiter in a value."],
    ]);
  });

  it("skips blank lines and names them, keeping line numbers right", async () => {
    const { view, rows } = await upload("Email\n\na@b.co\n\n\nc@d.co\n");
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
    expect(view.notices).toEqual([{ message: "Lines 2, 4, 5 are blank and were skipped." }]);
  });

  it("renames duplicate and empty header names and says so", async () => {
    const { view } = await upload("Email,,Email\na,b,c\n");
    expect(view.headers).toEqual(["Email", "Column 2", "Email (2)"]);
    expect(view.notices.map((n) => n.message)).toEqual([
      'Column 2 has no header name; it is shown as "Column 2".',
      'Column 3 repeats the header "Email" of column 1; it is shown as "Email (2)".',
    ]);
  });

  it("keeps a row with NUL bytes, replaced, and reports them", async () => {
    const { view, rows } = await upload("Email,Name\na@b.co,Jo\u0000hn\n");
    expect(rows[0]!.fields).toEqual(["a@b.co", "Jo\uFFFDhn"]);
    expect(view.notices[0]!.message).toBe("Line 2 has NUL bytes, replaced with \uFFFD.");
  });

  it("reads bytes that are not UTF-8 as Windows-1252", async () => {
    const latin = Buffer.from("Name,City\nJos\xe9,S\xe3o Paulo\n", "latin1");
    const { view, rows } = await upload(latin);
    expect(view.settings).toMatchObject({ encoding: "windows-1252" });
    expect(rows[0]!.fields).toEqual(["José", "São Paulo"]);
  });

  it("reads invalid UTF-8 past the detection window as \uFFFD, with a notice", async () => {
    const head = "Email,Name\n" + "a@b.co,Ann\n".repeat(7000);
    const content = Buffer.concat([Buffer.from(head), Buffer.from([0x42, 0x6f, 0xff, 0x62, 0x2c, 0x78, 0x0a])]);
    const { view, rows } = await upload(content);
    expect(view.settings).toMatchObject({ encoding: "utf-8" });
    expect(rows.at(-1)!.fields).toEqual(["Bo\uFFFDb", "x"]);
    expect(view.notices[0]!.message).toMatch(/^Line 7002 has bytes that are not valid utf-8/);
  });

  it("reads UTF-16 with a byte order mark, tab-delimited", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Email\tName\r\nz@y.co\tZoë\r\n", "utf16le")]);
    const { view, rows } = await upload(utf16);
    expect(view.settings).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    expect(rows[0]!.fields).toEqual(["z@y.co", "Zoë"]);
  });

  it("stages a single field of several megabytes whole", async () => {
    const huge = "x".repeat(3 * 1024 * 1024);
    const { rows } = await upload(`Email,Notes\na@b.co,"${huge}"\nc@d.co,short\n`);
    expect(rows.map((r) => r.fields[1]!.length)).toEqual([huge.length, 5]);
  });

  it("reports a row over the 10 MB record limit with its line and reason, and stages every other row", async () => {
    const { view, rows } = await upload(`Email,Notes\na@b.co,ok\nc@d.co,"${"y".repeat(10 * 1024 * 1024 + 10)}"\ne@f.co,fine\n`);
    expect(view).toMatchObject({ rows: 3, unreadable: 1 });
    expect(rows.map((r) => [r.line, r.fields, r.problem])).toEqual([
      [2, ["a@b.co", "ok"], null],
      [3, [], "Row longer than the 10 MB limit for one row: not imported. A row that long usually means a missing closing quote or the wrong delimiter."],
      [4, ["e@f.co", "fine"], null],
    ]);
  });

  it("reads a file whose records end in CRLF, LF and a lone CR as one row per line", async () => {
    const { view, rows } = await upload("Email,State\r\na@b.co,TX\nc@d.co,VA\re@f.co,CA\r\n\rg@h.co,NY");
    expect(view.rows).toBe(4);
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [2, ["a@b.co", "TX"]],
      [3, ["c@d.co", "VA"]],
      [4, ["e@f.co", "CA"]],
      [6, ["g@h.co", "NY"]],
    ]);
    expect(view.notices).toEqual([{ message: "Line 5 is blank and was skipped." }]);
  });

  it("takes settings from the query: no header row, semicolons", async () => {
    const { view, rows } = await upload("Email;Phone\na@b.co;5125550100\n", "header=false&delimiter=semicolon");
    expect(view.settings).toEqual({ encoding: "utf-8", delimiter: ";", header: false });
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
  });
});
