import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ImportRefused } from "./refusal";
import { readSheets } from "./xlsx-read";
import { SPREADSHEET_MESSAGES } from "./xlsx-zip";

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Empty");
  const sheet = book.addWorksheet("Leads");
  sheet.addRow(["Email", "Zip"]);
  sheet.addRow(["a@example.com", 2134]);
  sheet.getRow(4).values = ["b@example.com", 501];
  sheet.getColumn(2).numFmt = "00000";
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function* chunks(file: Buffer, size = 1000) {
  for (let at = 0; at < file.length; at += size) yield file.subarray(at, at + size);
}

async function read(open: () => AsyncIterable<Uint8Array>, sheetName: string) {
  const lines: Array<{ line: number; cells: string[]; blank: boolean }> = [];
  const names: string[] = [];
  for await (const sheet of readSheets(open, { maxTextBytes: 1e6 })) {
    names.push(sheet.name);
    if (sheet.name !== sheetName) continue;
    for await (const batch of sheet.rows()) lines.push(...batch.map(({ line, cells, blank }) => ({ line, cells, blank })));
  }
  return { names, lines };
}

describe("reading a workbook's sheets", () => {
  it("gives each sheet by name and a sheet's rows by row number, missing rows as blank lines", async () => {
    const file = await workbook();
    expect(await read(() => chunks(file), "Leads")).toEqual({
      names: ["Empty", "Leads"],
      lines: [
        { line: 1, cells: ["Email", "Zip"], blank: false },
        { line: 2, cells: ["a@example.com", "02134"], blank: false },
        { line: 3, cells: [], blank: true },
        { line: 4, cells: ["b@example.com", "00501"], blank: false },
      ],
    });
  });

  it("refuses a damaged workbook", async () => {
    const file = (await workbook()).subarray(0, 3000);
    await expect(read(() => chunks(file), "Leads")).rejects.toEqual(new ImportRefused(SPREADSHEET_MESSAGES.damaged));
  });

  it("passes on a failure to read the stored file as itself, not as a refusal", async () => {
    const file = await workbook();
    const lost = new Error("connection lost");
    async function* failing() {
      yield file.subarray(0, 2000);
      throw lost;
    }
    await expect(read(failing, "Leads")).rejects.toBe(lost);
  });

  it("stops at the text limit", async () => {
    const file = await workbook();
    const sheets = readSheets(() => chunks(file), { maxTextBytes: 10 });
    const reading = (async () => {
      for await (const sheet of sheets) for await (const batch of sheet.rows()) void batch;
    })();
    await expect(reading).rejects.toEqual(new ImportRefused(SPREADSHEET_MESSAGES.bomb, 413));
  });
});
