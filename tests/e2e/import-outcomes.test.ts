// Issue #14 in Chromium, one vocabulary: after "Import only valid rows" the summary's tiles, the
// reason table and results.csv agree. Rows not imported are failures (before: "Failure 0 · Not
// imported 83" beside a reason table and results.csv calling those rows failure), and the page says
// what the words mean. Modelled on import-wizard.test.ts.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../helpers/shared-dir";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function waitForHeading(page: Page, name: string, timeout = 60_000) {
  await expect.poll(() => heading(page, name).isVisible(), { timeout, interval: 250 }).toBe(true);
}

/** The number in the tile labelled exactly so. */
async function tile(page: Page, label: string): Promise<number> {
  const dd = page.locator("dt", { hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) }).locator("xpath=following-sibling::dd");
  return Number((await dd.textContent())!.replace(/,/g, ""));
}

describe("the summary's words after importing only valid rows", () => {
  it("counts the rows not imported as failures, as the reason table and results.csv do", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/imports/new`);
    await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Best Lead Co" });
    const content = execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), "300", "--seed", "1414"]);
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "only-valid.csv", mimeType: "text/csv", buffer: content });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/step=file$/, { timeout: 60_000 });
    await page.getByRole("link", { name: "Next: map the columns" }).click();
    await page.getByRole("button", { name: "Save mapping and validate" }).click();
    await waitForHeading(page, "Validation report", 90_000);
    const skipped = (await tile(page, "Invalid")) + (await tile(page, "Duplicates within the file"));
    expect(skipped).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Import only valid rows" }).click();
    await waitForHeading(page, "Summary", 90_000);
    await expect.poll(() => page.getByText(/^Completed at/).isVisible(), { timeout: 60_000 }).toBe(true);
    const [success, failure, error, notImported] = [await tile(page, "Success"), await tile(page, "Failure"), await tile(page, "Error"), await tile(page, "Not imported (in failure)")];
    expect(notImported).toBe(skipped);
    expect(failure).toBeGreaterThanOrEqual(notImported);
    expect(success + failure + error).toBe(300);
    expect(await page.getByText(/A failure is a lead the flow did not accept, or a row not imported/).isVisible()).toBe(true);

    // The reason table: every "Not imported: ..." row is a failure, and the failures add up to the tile.
    const reasonRows = (await page.getByRole("table", { name: "Rows by outcome and reason" }).getByRole("row").all()).slice(1);
    const byReason = await Promise.all(reasonRows.map((row) => row.getByRole("cell").allTextContents()));
    expect(byReason.length).toBeGreaterThan(0);
    const failed = byReason.filter(([outcome]) => outcome === "failure").reduce((total, [, , count]) => total + Number(count!.replace(/,/g, "")), 0);
    expect(failed).toBe(failure);
    expect(byReason.filter(([, reason]) => reason!.startsWith("Not imported:")).every(([outcome]) => outcome === "failure")).toBe(true);

    // results.csv: the same outcomes, row by row.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the results/ }).click()]);
    const results = parse((await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(results.filter((r) => r.import_outcome === "failure").length).toBe(failure);
    expect(results.filter((r) => r.import_lead_id === "").every((r) => r.import_outcome === "failure" && (r.import_reason ?? "").startsWith("Not imported:"))).toBe(true);
    expect(results.filter((r) => r.import_lead_id === "").length).toBe(notImported);
    await expectAccessible(page);
    await page.context().close();
  });
});
