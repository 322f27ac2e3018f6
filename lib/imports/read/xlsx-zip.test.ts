import { describe, expect, it } from "vitest";
import { lyingZipBomb, odsFile, zipBomb, zipOf } from "@/tests/helpers/zip";
import { checkWorkbookZip, SPREADSHEET_MESSAGES, spreadsheetKind, tooLargeUnzippedMessage } from "./xlsx-zip";

const rangeOf = (file: Buffer) => async (offset: number, length: number) => file.subarray(offset, offset + length);
const check = (file: Buffer, maxBytes = 100 * 1024 * 1024) => checkWorkbookZip(rangeOf(file), file.length, { maxBytes });

const workbook = () =>
  zipOf([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet/>".repeat(1000)) },
  ]);

describe("spreadsheet kinds from the first bytes", () => {
  it("tells .xls, .ods and .xlsx apart", () => {
    expect(spreadsheetKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe("xls");
    expect(spreadsheetKind(odsFile())).toBe("ods");
    expect(spreadsheetKind(workbook())).toBe("xlsx");
    expect(spreadsheetKind(Buffer.from("name,email\n"))).toBeNull();
  });
});

describe("the workbook's zip, checked before unpacking", () => {
  it("passes a workbook that unpacks within the limit", async () => {
    expect(await check(workbook())).toMatchObject({ ok: true, entries: 3 });
  });

  it("refuses a zip bomb from its central directory", async () => {
    const bomb = zipBomb(40);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await check(bomb)).toEqual({ ok: false, message: SPREADSHEET_MESSAGES.bomb, httpStatus: 413 });
  });

  it("refuses a zip bomb whose directory lies about its size, stopping at the declared size", async () => {
    expect(await check(lyingZipBomb(40))).toEqual({ ok: false, message: SPREADSHEET_MESSAGES.bomb, httpStatus: 413 });
  });

  it("refuses a workbook that unpacks past the size limit", async () => {
    expect(await check(workbook(), 5000)).toEqual({ ok: false, message: tooLargeUnzippedMessage(5000), httpStatus: 413 });
  });

  it("refuses a zip without a workbook in it, and bytes that are no zip", async () => {
    expect(await check(odsFile())).toEqual({ ok: false, message: SPREADSHEET_MESSAGES.notWorkbook, httpStatus: 415 });
    const truncated = workbook().subarray(0, 100);
    expect(await check(truncated)).toEqual({ ok: false, message: SPREADSHEET_MESSAGES.damaged, httpStatus: 400 });
  });
});
