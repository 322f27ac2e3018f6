// Issue #14: Cancel on a running import sends its request and stops the import, and the running
// import's page shows its progress as it moves: the numbers and "How far it got" with each batch,
// in the import's words to the end (never validation's "Checked ... rows" before the summary).
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../helpers/shared-dir";
import { baseUrl, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ROWS = 40_000;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function waitForHeading(page: Page, name: string, timeout = 90_000) {
  await expect.poll(() => heading(page, name).isVisible(), { timeout, interval: 250 }).toBe(true);
}

const numberIn = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));
/** The line of "Row 30, line 33". */
const lineIn = (text: string | null) => numberIn(/line ([\d,]+)$/.exec(text ?? "")?.[1] ?? "");

describe("cancelling a running import", () => {
  it("sends the cancel request from the import page and stops the import part-way", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/imports/new`);
    await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
    const file = execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), String(ROWS), "--seed", "14"], { maxBuffer: 64 * 1024 * 1024 });
    await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "leads-cancel.csv", mimeType: "text/csv", buffer: file });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.waitForURL(/step=file$/, { timeout: 60_000 });
    await page.getByRole("link", { name: "Next: map the columns" }).click();
    await page.waitForURL(/step=mapping$/);
    await page.getByRole("button", { name: "Save mapping and validate" }).click();
    await waitForHeading(page, "Validation report");

    await page.getByRole("button", { name: "Import all rows" }).click();
    await waitForHeading(page, "Importing");

    // Progress moves with the batches: the count and the last line both go up while it runs.
    const progress = page.getByText(/^Imported [\d,]+ of 40,000 rows/);
    const howFar = page.getByRole("region", { name: "How far it got" });
    const lastLine = howFar.getByText(/^Row [\d,]+, line [\d,]+$/);
    await expect.poll(async () => numberIn((await progress.textContent())!.match(/^Imported ([\d,]+)/)![1]!), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => lastLine.isVisible(), { timeout: 30_000 }).toBe(true);
    const firstLine = lineIn(await lastLine.textContent());
    await expect.poll(async () => lineIn(await lastLine.textContent()), { timeout: 30_000 }).toBeGreaterThan(firstLine);
    expect(await page.getByText(/^Checked [\d,]+ of/).count()).toBe(0);

    // The cancel: asking first, then one Server Action POST to this page when confirmed.
    await page.getByRole("button", { name: "Cancel import" }).click();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined, { timeout: 30_000 }),
      page.getByRole("button", { name: "Yes, stop the import" }).click(),
    ]);
    expect(new URL(request.url()).pathname).toBe(new URL(page.url()).pathname);
    await waitForHeading(page, "Summary");
    const cancelled = page.getByText(/^Cancelled at .*, after [\d,]+ of 40,000 rows\.$/);
    expect(await cancelled.isVisible()).toBe(true);
    const processed = numberIn((await cancelled.textContent())!.match(/after ([\d,]+) of/)![1]!);
    expect(processed).toBeGreaterThan(0);
    expect(processed).toBeLessThan(ROWS);
    expect(await page.getByRole("button", { name: "Import the remaining rows" }).isVisible()).toBe(true);
    await context.close();
  });
});
