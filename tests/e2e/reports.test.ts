import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Shares the report of one demo source and returns the link as the account holder sees it.
async function shareSourceReport(page: Page, name: string): Promise<string> {
  await page.goto(`${baseUrl()}/reports`);
  await page.getByRole("search", { name: "Report filters" }).getByLabel("Source").selectOption({ label: "Acme Leads (Demo mortgage leads)" });
  await page.getByRole("button", { name: "Show report" }).click();
  await page.waitForURL(/source=[0-9a-f]{24}/);
  await page.getByLabel("Link name").fill(name);
  await page.getByLabel("This report, for its chosen flows and sources only").check();
  await page.getByRole("button", { name: "Create shared link" }).click();
  const field = page.getByRole("textbox", { name: "New link" });
  await field.waitFor();
  return field.inputValue();
}

describe("leads and reports", () => {
  it("shows the Leads view with its filters, export and import buttons", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/leads?range=all&q=someone@example.com`);
    expect(await page.getByRole("heading", { level: 1, name: "Leads" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Import leads" }).getAttribute("href")).toMatch(/^\/imports\/new/);
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain("q=someone%40example.com");
    await expectAccessible(page);
    const csv = await page.request.get(`${baseUrl()}/leads/export?range=all`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("Lead ID,Submitted at");
    expect((await page.goto(`${baseUrl()}/leads?flow=0123456789abcdef01234567`))?.status()).toBe(404);
    await page.close();
  });

  it("lets a buyer open a shared link without logging in and change only the time frame", async () => {
    const holderPage = await (await browser.newContext()).newPage();
    await logInAsDemo(holderPage);
    const url = await shareSourceReport(holderPage, "Acme weekly");
    expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(holderPage);

    const buyer = await (await browser.newContext()).newPage();
    await buyer.goto(url);
    expect(await buyer.getByRole("heading", { level: 1, name: "Acme weekly" }).isVisible()).toBe(true);
    expect(await buyer.textContent("main")).toContain("Acme Leads");
    expect(await buyer.textContent("main")).not.toContain("Best Lead Co");
    expect(await buyer.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await expectAccessible(buyer);
    await buyer.getByRole("combobox", { name: "Time frame" }).selectOption("last_30_days");
    await buyer.getByRole("button", { name: "Show" }).click();
    await buyer.waitForURL(/range=last_30_days/);
    expect(await buyer.getByRole("combobox", { name: "Time frame" }).inputValue()).toBe("last_30_days");
    expect(await buyer.getByRole("heading", { level: 1, name: "Acme weekly" }).isVisible()).toBe(true);
    await buyer.close();
    await holderPage.close();
  });

  it("stops serving a link the moment it is changed or stopped", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInAsDemo(page);
    const url = await shareSourceReport(page, "Short-lived");
    await page.goto(`${baseUrl()}/reports`);
    await page.getByRole("button", { name: "Change link for Short-lived" }).click();
    await expect.poll(async () => (await fetch(url)).status).toBe(404);
    const linkField = page.getByRole("textbox", { name: "Link for Short-lived" });
    await expect.poll(() => linkField.inputValue()).not.toBe(url);
    const changed = await linkField.inputValue();
    expect((await fetch(changed)).status).toBe(200);
    await page.getByRole("button", { name: "Stop sharing Short-lived" }).click();
    await expect.poll(async () => (await fetch(changed)).status).toBe(404);
    await page.close();
  });
});
