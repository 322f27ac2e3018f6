// Finding a lead by name on the Leads page (#14): one name, any case, with or without its accents.
// Selectors by role and label only.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
let page: Page;
const email = `e2e-search-${Date.now()}@example.com`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await logInAsDemo(page);
  // A lead named Elizabeth Thomas-Hernández, sent through the demo flow's "Test this flow" page.
  await page.goto(`${baseUrl()}/flows`);
  await page.getByRole("link", { name: "Demo mortgage leads" }).first().click();
  await page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: "Test this flow" }).click();
  await page.waitForURL(/\/flows\/[0-9a-f]{24}\/test$/);
  await page.getByLabel(/^First Name/).fill("Elizabeth");
  await page.getByLabel(/^Last Name/).fill("Thomas-Hernández");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole("button", { name: "Send test lead" }).click();
  // expect.poll works only inside a test: wait for the outcome with Playwright instead.
  await page.getByText(/success|failure/).first().waitFor({ timeout: 30_000 });
});
afterAll(async () => {
  await browser?.close();
});

describe("the Leads page's search box", () => {
  it.each(["Thomas", "elizabeth", "hernandez"])("finds the lead by %j", async (q) => {
    await page.goto(`${baseUrl()}/leads`);
    const form = page.getByRole("search", { name: "Filter leads" });
    await form.getByLabel(/^Search/).fill(q);
    await form.getByRole("button", { name: "Show leads" }).click();
    await page.waitForURL(new RegExp(`[?&]q=${encodeURIComponent(q)}(&|$)`));
    const table = page.getByRole("table", { name: /Leads, newest first/ });
    // The newest match is the lead just sent, shown as the source sent its name.
    await expect.poll(() => table.getByText(email).count()).toBe(1);
    expect(await table.getByText(/Elizabeth Thomas-Hernández/).count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it("finds nothing for a name no lead has", async () => {
    await page.goto(`${baseUrl()}/leads?q=zzyzx-${Date.now()}`);
    expect(await page.getByText("No leads match").first().isVisible()).toBe(true);
  });
});
