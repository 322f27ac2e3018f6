// Issue #16 in Chromium: an account holder imports an Excel workbook through the wizard. The file
// settings step offers the workbook's sheets (the first with rows chosen) and "CSV Column Header";
// choosing the second sheet reads the stored file again; the cells show as Excel shows them (zip
// 02134, ISO dates, phone numbers in full); results.csv has the CSV columns. An old .xls is refused
// with how to save it as .xlsx or .csv. Modelled on import-wizard.test.ts.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1280, height: 900 };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function waitForHeading(page: Page, name: string, timeout = 60_000) {
  await expect.poll(() => heading(page, name).isVisible(), { timeout, interval: 250 }).toBe(true);
}

async function expectSettledAccessible(page: Page) {
  await expect.poll(() => page.title()).not.toBe("");
  await expectAccessible(page);
}

async function csvOf(download: Download): Promise<Record<string, string>[]> {
  const text = await readFile((await download.path())!, "utf8");
  return parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

/** "Read me" (a note), then "Leads": three leads with a zero-padded zip, a date and long phone numbers. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Read me").addRow(["Leads from the spring fair"]);
  const sheet = book.addWorksheet("Leads");
  sheet.addRow(["First Name", "Last Name", "Email", "Phone", "Zip", "State", "Signed Up"]);
  const when = (day: number) => new Date(Date.UTC(2026, 3, day));
  sheet.addRow(["Ana", "Lima", "ana.xlsx@example.com", 5127891234, 2134, "MA", when(1)]);
  sheet.addRow(["Bob", "Stone", "bob.xlsx@example.com", 5127891235, 501, "NY", when(2)]);
  sheet.addRow(["Cy", "Moss", "cy.xlsx@example.com", 5127891236, 90210, "CA", when(3)]);
  sheet.getColumn(5).numFmt = "00000";
  sheet.getColumn(7).numFmt = "yyyy-mm-dd";
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function startUpload(page: Page) {
  await logInAsDemo(page);
  await page.goto(`${baseUrl()}/imports/new`);
  await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
}

describe("import wizard with an .xlsx workbook", () => {
  it("chooses a sheet, reads cells as Excel shows them and imports them", async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true })).newPage();
    await startUpload(page);
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "spring-fair.xlsx", mimeType: XLSX_TYPE, buffer: await workbook() });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/step=file$/, { timeout: 60_000 });

    // A workbook has sheets, not an encoding or delimiter. The first sheet with rows to import is
    // chosen: the one-line "Read me" note is passed over, and offered in the list.
    expect(await page.getByLabel("Encoding").count()).toBe(0);
    expect(await page.getByLabel("Delimiter").count()).toBe(0);
    expect(await page.getByLabel("Sheet", { exact: true }).inputValue()).toBe("Leads");
    expect(await page.getByLabel("Sheet", { exact: true }).locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(["Read me", "Leads"]);
    expect(await page.getByRole("checkbox", { name: /CSV Column Header/ }).isVisible()).toBe(true);
    await expectSettledAccessible(page);

    await waitForHeading(page, "Preview: 3 rows, 7 columns");

    // Another sheet is read again from the stored file, without a new upload; then back to the leads.
    await page.getByLabel("Sheet", { exact: true }).selectOption("Read me");
    await page.getByRole("checkbox", { name: /CSV Column Header/ }).uncheck();
    await page.getByRole("button", { name: "Read the file with these settings" }).click();
    await waitForHeading(page, "Preview: 1 row, 1 column");
    await page.getByLabel("Sheet", { exact: true }).selectOption("Leads");
    await page.getByRole("checkbox", { name: /CSV Column Header/ }).check();
    await page.getByRole("button", { name: "Read the file with these settings" }).click();
    await waitForHeading(page, "Preview: 3 rows, 7 columns");
    expect(await page.getByRole("cell", { name: "02134", exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("cell", { name: "5127891234", exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("cell", { name: "2026-04-01", exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Next: map the columns" }).click();
    await waitForHeading(page, "Map the columns");
    expect(await page.getByLabel("Flow field for column Email").inputValue()).toBe("email");
    await page.getByRole("button", { name: "Save mapping and validate" }).click();
    await waitForHeading(page, "Validation report", 60_000);
    await page.getByRole("button", { name: "Import all rows" }).click();
    await waitForHeading(page, "Summary", 60_000);

    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the results/ }).click()]);
    const results = await csvOf(file);
    expect(results.map((r) => [r.Zip, r.Phone, r["Signed Up"], r.import_line_num])).toEqual([
      ["02134", "5127891234", "2026-04-01", "2"],
      ["00501", "5127891235", "2026-04-02", "3"],
      ["90210", "5127891236", "2026-04-03", "4"],
    ]);
    expect(Object.keys(results[0]!)).toEqual(expect.arrayContaining(["import_outcome", "import_lead_id", "import_reason"]));
    await expectSettledAccessible(page);
  });

  it("refuses an old .xls with how to save it as .xlsx or .csv", async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await startUpload(page);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: xls });
    await page.getByRole("button", { name: "Upload" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Excel 97-2003 workbook (.xls)" });
    await expect.poll(() => alert.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await alert.textContent()).toMatch(/Excel Workbook \(\*\.xlsx\) or CSV UTF-8/);
  });
});
