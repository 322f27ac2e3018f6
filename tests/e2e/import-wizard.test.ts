// The batch import wizard in Chromium (issue #5) and where an import got to (issue #6): an account
// holder imports a gen-leads file step by step; a bigger import keeps running with its page closed,
// is cancelled, its last imported lead found from the Sources list, and its remaining rows imported;
// a source imports from its Submission Docs link in a fresh browser, without logging in.
// With SCREENSHOT_DIR set, the mapping step and the summary are saved there as PNGs.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../helpers/shared-dir";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1280, height: 900 };
const RESULT_COLUMNS = ["import_line_num", "import_outcome", "import_lead_id", "import_reason", "import_corrected"];

function genLeads(rows: number, seed: number): Buffer {
  return execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), String(rows), "--seed", String(seed)], { maxBuffer: 64 * 1024 * 1024 });
}


async function csvOf(download: Download): Promise<Record<string, string>[]> {
  const text = await readFile((await download.path())!, "utf8");
  return parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

async function download(page: Page, link: RegExp): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return file;
}

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function waitForHeading(page: Page, name: string, timeout = 60_000) {
  await expect.poll(() => heading(page, name).isVisible(), { timeout, interval: 250 }).toBe(true);
}

// A page that has just been refreshed for its next step swaps its <title> as it streams in: let it land.
async function expectSettledAccessible(page: Page) {
  await expect.poll(() => page.title()).not.toBe("");
  await expectAccessible(page);
}

/** Upload (the target already chosen), file settings as detected, suggested mapping, validation. */
async function uploadAndValidate(page: Page, name: string, content: Buffer) {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: content });
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/step=file$/, { timeout: 60_000 });
  await page.getByRole("link", { name: "Next: map the columns" }).click();
  await page.waitForURL(/step=mapping$/);
  await page.getByRole("button", { name: "Save mapping and validate" }).click();
  await waitForHeading(page, "Validation report", 90_000);
}

describe("batch import wizard", () => {
  it("takes an account holder from upload to summary and results.csv", async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true })).newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/leads`);
    await page.getByRole("link", { name: "Import leads" }).click();
    await page.waitForURL(/\/imports\/new/);
    await expectSettledAccessible(page);

    // Nothing chosen yet: the form says what is missing instead of uploading.
    await page.getByRole("button", { name: "Upload" }).click();
    expect(await page.getByRole("alert").filter({ hasText: "Choose the flow and source to import into." }).isVisible()).toBe(true);
    await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "leads-300.csv", mimeType: "text/csv", buffer: genLeads(300, 42) });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/step=file$/, { timeout: 60_000 });
    const importUrl = page.url().replace(/\?.*$/, "");

    // Detected settings, each changeable without uploading again.
    expect(await page.getByLabel("Encoding").inputValue()).toBe("utf-8");
    expect(await page.getByLabel("Delimiter").inputValue()).toBe(",");
    expect(await page.getByRole("checkbox", { name: /CSV Column Header/ }).isChecked()).toBe(true);
    expect(await heading(page, "Preview: 300 rows, 17 columns").isVisible()).toBe(true);
    await expectSettledAccessible(page);
    await page.getByRole("checkbox", { name: /CSV Column Header/ }).uncheck();
    await page.getByRole("button", { name: "Read the file with these settings" }).click();
    await waitForHeading(page, "Preview: 301 rows, 17 columns");
    await page.getByRole("checkbox", { name: /CSV Column Header/ }).check();
    await page.getByRole("button", { name: "Read the file with these settings" }).click();
    await waitForHeading(page, "Preview: 300 rows, 17 columns");

    await page.getByRole("link", { name: "Next: map the columns" }).click();
    await waitForHeading(page, "Map the columns");
    expect(await page.getByLabel("Flow field for column E-mail Address").inputValue()).toBe("email");
    expect(await page.getByLabel("Flow field for column Phone").inputValue()).toBe("phone_1");
    // The file's own views show it as uploaded, masked types too (docs/ui.md, "Masked fields"):
    // with or without a header row, the date of birth is the file's.
    expect(await page.getByRole("cell", { name: "1947-11-25" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("cell", { name: "**/**/1947" }).count()).toBe(0);
    await page.getByLabel("Flow field for column Alt Phone").selectOption({ label: "Do not import" });
    await page.getByLabel("Flow field for column Comments").selectOption({ label: "Phone 1" });
    expect(await page.getByRole("status").textContent()).toContain("Phone 1 now comes from “Comments”");
    expect(await page.getByLabel("Flow field for column Phone").inputValue()).toBe("");
    await page.getByLabel("Flow field for column Comments").selectOption({ label: "Do not import" });
    await page.getByLabel("Flow field for column Phone").selectOption({ label: "Phone 1" });
    await expectSettledAccessible(page);
    await screenshot(page, "import-mapping.png");
    await page.getByRole("button", { name: "Save mapping and validate" }).click();
    await waitForHeading(page, "Validation report", 60_000);

    const count = async (label: string) => Number((await page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd").textContent())!.replace(/,/g, ""));
    expect(await count("Rows in the file")).toBe(300);
    const [valid, invalid, duplicates] = [await count("Valid"), await count("Invalid"), await count("Duplicates within the file")];
    expect(valid + invalid + duplicates).toBe(300);
    expect(invalid).toBeGreaterThan(0);
    expect(duplicates).toBeGreaterThan(0);
    const problems = page.getByRole("list", { name: "Rows with problems" });
    expect(await problems.locator(":scope > li").count()).toBe(Math.min(50, invalid + duplicates));
    expect(await problems.getByText(/^Duplicate of line \d+$/).count()).toBe(duplicates);
    const problemsCsv = await csvOf(await download(page, /Download the invalid rows/));
    expect(Object.keys(problemsCsv[0]!)).toEqual(expect.arrayContaining(["import_line_num", "import_reason"]));
    await expectSettledAccessible(page);

    await page.getByRole("button", { name: "Import all rows" }).click();
    await waitForHeading(page, "Summary", 60_000);
    expect(await page.getByText(/^Completed at/).isVisible()).toBe(true);
    expect((await count("Success")) + (await count("Failure")) + (await count("Error"))).toBe(300);
    expect(await page.getByRole("table", { name: "Rows by outcome and reason" }).getByRole("cell", { name: "duplicate" }).count()).toBe(1);
    const failed = page.getByRole("table", { name: /Failed rows/ });
    expect(await failed.getByRole("row").count()).toBe(Math.min(50, await count("Failure")) + 1);
    await expectSettledAccessible(page);
    await screenshot(page, "import-summary.png");

    const results = await csvOf(await download(page, /Download the results/));
    expect(Object.keys(results[0]!)).toEqual(expect.arrayContaining(RESULT_COLUMNS));
    // One line per data row, in file order (comments with line breaks make line numbers skip).
    const lines = results.map((r) => Number(r.import_line_num));
    expect(lines.length).toBe(300);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
    expect(results.every((r) => r.import_lead_id !== "" && r.import_outcome !== "")).toBe(true);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole("link", { name: "leads-300.csv" }).first().click();
    await page.waitForURL(importUrl);
    await waitForHeading(page, "Summary");
    await expectSettledAccessible(page);
    await page.context().close();
  });

  describe("a big import, with its page closed and an interruption", () => {
    // Big enough that the import is still running after the page is closed and opened again.
    const ROWS = 40_000;
    let importUrl = "";

    it("keeps running when the page is closed, and shows its live state when reopened", async () => {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      let page = await context.newPage();
      await logInAsDemo(page);
      await page.goto(`${baseUrl()}/imports/new`);
      await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Best Lead Co" });
      await uploadAndValidate(page, "leads-40000.csv", genLeads(ROWS, 7));
      importUrl = page.url().replace(/\?.*$/, "");
      await page.getByRole("button", { name: "Import all rows" }).click();
      await waitForHeading(page, "Importing");
      await page.close();

      page = await context.newPage();
      await page.goto(importUrl, { waitUntil: "domcontentloaded" });
      expect(await heading(page, "Importing").isVisible()).toBe(true);
      const progress = page.getByText(/^Imported [\d,]+ of 40,000 rows/);
      await expect.poll(async () => Number((await progress.textContent())!.match(/^Imported ([\d,]+)/)![1]!.replace(/,/g, "")), { timeout: 60_000 }).toBeGreaterThan(0);
      await expectSettledAccessible(page);

      // Issue #6: how far it got, kept current while it runs.
      const howFar = page.getByRole("region", { name: "How far it got" });
      await expect.poll(() => howFar.getByText(/^Row [\d,]+, line [\d,]+$/).isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await howFar.getByRole("link", { name: /^[0-9a-f]{24}$/ }).isVisible()).toBe(true);

      // The holder interrupts it.
      await page.getByRole("button", { name: "Cancel import" }).click();
      await page.getByRole("button", { name: "Yes, stop the import" }).click();
      await waitForHeading(page, "Summary");
      expect(await page.getByText(/^Cancelled at/).isVisible()).toBe(true);
      await context.close();
    });

    it("finds the last imported lead, imports the remaining rows, and ends with every line once", async () => {
      const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
      const page = await context.newPage();
      await logInAsDemo(page);
      await page.goto(importUrl);
      const howFar = page.getByRole("region", { name: "How far it got" });
      const lastLine = Number((await howFar.getByText(/^Row [\d,]+, line [\d,]+$/).textContent())!.match(/line ([\d,]+)$/)![1]!.replace(/,/g, ""));
      expect(lastLine).toBeGreaterThan(1);
      const lastLead = (await howFar.getByRole("link", { name: /^[0-9a-f]{24}$/ }).textContent())!;

      await page.goto(`${baseUrl()}/sources`);
      await page.getByRole("link", { name: "Last imported lead from Best Lead Co" }).click();
      await page.waitForURL(/\/leads\?range=all&source=[0-9a-f]{24}&batch=1$/);
      expect(await page.getByRole("table", { name: "Leads, newest first" }).getByRole("link").first().textContent()).toBe(lastLead);
      await expectSettledAccessible(page);

      await page.goto(importUrl);
      await page.getByRole("button", { name: "Import the remaining rows" }).click();
      await waitForHeading(page, "Importing");
      await expect.poll(() => page.getByText(/^Completed at/).isVisible(), { timeout: 110_000, interval: 500 }).toBe(true);
      await expectSettledAccessible(page);

      const results = await csvOf(await download(page, /Download the results/));
      expect(results.length).toBe(ROWS);
      expect(new Set(results.map((r) => r.import_line_num)).size).toBe(ROWS);
      expect(results.filter((r) => r.import_lead_id === "" || r.import_outcome === "")).toEqual([]);
      expect(new Set(results.map((r) => r.import_lead_id)).size).toBe(ROWS);
      await context.close();
    });
  });

  it("lets a source import from its Submission Docs link, without logging in", async () => {
    const holder = await (await browser.newContext()).newPage();
    await logInAsDemo(holder);
    await holder.goto(`${baseUrl()}/sources`);
    await holder.getByRole("link", { name: "Acme Leads", exact: true }).click();
    const docsUrl = await holder.getByLabel(/Share this link with the source/).inputValue();
    await holder.context().close();

    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(docsUrl);
    await page.getByRole("link", { name: "Import Leads" }).click();
    await page.waitForURL(`${docsUrl}/import`);
    await expectSettledAccessible(page);

    // A refusal is shown as the server words it, and nothing is kept.
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "The file is empty." }).isVisible()).toBe(true);

    await uploadAndValidate(page, "source-file.csv", genLeads(20, 99));
    expect(page.url()).toMatch(new RegExp(`^${docsUrl}/imports/[0-9a-f]{24}$`));
    await expectSettledAccessible(page);
    await page.getByRole("button", { name: "Import only valid rows" }).click();
    await waitForHeading(page, "Summary");
    expect(await page.getByText(/^Completed at/).isVisible()).toBe(true);
    await expectSettledAccessible(page);
    const results = await csvOf(await download(page, /Download the results/));
    expect(results.length).toBe(20);

    await page.getByRole("link", { name: "New import and past imports" }).click();
    await page.waitForURL(`${docsUrl}/import`);
    expect(await page.getByRole("link", { name: "source-file.csv" }).isVisible()).toBe(true);
    await context.close();
  });
});
