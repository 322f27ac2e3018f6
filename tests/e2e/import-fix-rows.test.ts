// Fixing bad rows in place (issue #16) in Chromium: an account holder validates a file with bad
// rows, fixes two rows' cells and a whole column of `XX` states in the validation report, watches
// the rows leave the list and the counts move, imports, and finds the fixes in results.csv and the
// corrected lead's timeline.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Fresh emails and phones each run, so the demo flow's 30-day dedupe finds no earlier run's leads.
const run = randomBytes(4).toString("hex");
const phone = (n: number) => `512${String(Number.parseInt(run.slice(0, 4), 16) % 800 + 200)}${String(1000 + n)}`;
const FILE = [
  "First Name,Last Name,Email,Phone,State",
  `Ann,Lee,ann-${run}@example.com,${phone(1)},TX`,
  `Bob,Ray,,,TX`,
  `Cy,Fox,cy-${run}@example.com,${phone(3)},XX`,
  `Dee,Fox,dee-${run}@example.com,${phone(4)},xx`,
  `Eve,Fox,eve-${run}@example.com,${phone(5)},XX`,
  `Fay,Fox,fay-${run}@example.com,${phone(6)},ZZ`,
].join("\n");

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function waitForHeading(page: Page, name: string, timeout = 60_000) {
  await expect.poll(() => heading(page, name).isVisible(), { timeout, interval: 250 }).toBe(true);
}

const count = async (page: Page, label: string) =>
  Number((await page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd").textContent())!.replace(/,/g, ""));

async function csvOf(download: Download): Promise<Record<string, string>[]> {
  const text = await readFile((await download.path())!, "utf8");
  return parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

/** Opens a row's editor, changes one cell and saves; the row is checked again on the server and leaves the list. */
async function fixRow(page: Page, row: string, column: string, value: string) {
  await page.getByText(`Fix ${row}`, { exact: true }).click();
  const form = page.getByRole("form", { name: `Cells of ${row}` });
  await form.getByLabel(column, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Save and check again" }).click();
  // It passes now, so the page shown again no longer lists it.
  await expect.poll(() => page.getByText(`Fix ${row}`, { exact: true }).count(), { timeout: 60_000 }).toBe(0);
}

describe("fixing bad rows in the validation report", () => {
  it("fixes two rows and a whole column in place, then imports the fixed values", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/imports/new`);
    await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "fix-rows.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/step=file$/, { timeout: 60_000 });
    await page.getByRole("link", { name: "Next: map the columns" }).click();
    await waitForHeading(page, "Map the columns");
    await page.getByRole("button", { name: "Save mapping and validate" }).click();
    await waitForHeading(page, "Validation report", 60_000);
    expect(await count(page, "Invalid")).toBe(5);
    const list = page.getByRole("list", { name: "Rows with problems" });
    expect(await list.locator(":scope > li").count()).toBe(5);
    await expectAccessible(page);
    await screenshot(page, "import-fix-rows.png");

    // Two rows fixed one at a time: each leaves the list and the counts move.
    await fixRow(page, "row 3, line 3", "Email", `bob-${run}@example.com`);
    await expect.poll(() => count(page, "Invalid")).toBe(4);
    await fixRow(page, "row 7, line 7", "State", "TX");
    await expect.poll(() => count(page, "Invalid")).toBe(3);
    expect(await list.locator(":scope > li").count()).toBe(3);

    // A whole column: XX (any case) becomes TX in every row with problems.
    const replace = page.getByRole("form", { name: "Replace a value in a column" });
    await replace.getByLabel("Replace", { exact: true }).fill("XX");
    await replace.getByLabel("With", { exact: true }).fill("TX");
    await replace.getByLabel("In column", { exact: true }).selectOption("State");
    await replace.getByRole("button", { name: "Replace in rows with problems" }).click();
    // As long as the other server round trips here may take (60 s): the suite's server can be busy with an earlier test's work.
    await expect.poll(() => replace.getByRole("status").textContent().catch(() => ""), { timeout: 60_000 }).toBe("Replaced in 3 rows; 3 of them pass now.");
    await expect.poll(() => count(page, "Invalid")).toBe(0);
    expect(await count(page, "Valid")).toBe(6);
    expect(await page.getByText("Every row passed: nothing to fix.").isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Import all rows" }).click();
    await waitForHeading(page, "Summary", 60_000);
    expect(await count(page, "Success")).toBe(6);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the results/ }).click()]);
    const results = await csvOf(file);
    expect(results.map((r) => [r.import_line_num, r.State, r.import_outcome, r.import_corrected])).toEqual([
      ["2", "TX", "success", "false"],
      ["3", "TX", "success", "true"],
      ["4", "TX", "success", "true"],
      ["5", "TX", "success", "true"],
      ["6", "TX", "success", "true"],
      ["7", "TX", "success", "true"],
    ]);

    // The corrected lead says who corrected it, and keeps what the file said.
    await page.goto(`${baseUrl()}/leads/${results[2]!.import_lead_id}`);
    const timeline = page.getByRole("list", { name: "Timeline" });
    expect(await timeline.getByText("correction", { exact: true }).isVisible()).toBe(true);
    expect(await timeline.getByText("Corrected before import by demo@leadport.local: state").isVisible()).toBe(true);
    await expectAccessible(page);
  });
});
