// What a person sees of issue #14's home page, names, lead page, share form and icon, in Chromium on
// the seeded demo account. Selectors by role and label only.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo, screenshot } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A time with its zone named: "2025-03-09 14:05:00 CST" (or "GMT+1" where a zone has no abbreviation).
const ZONED_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::\d{2})?)/;

async function loggedIn(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInAsDemo(page);
  return page;
}

// Sends a lead with capitalised, accented names through the demo flow's "Test this flow" page.
async function sendNamedLead(page: Page, email: string) {
  await page.goto(`${baseUrl()}/flows`);
  await page.getByRole("link", { name: "Demo mortgage leads" }).first().click();
  await page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: "Test this flow" }).click();
  await page.waitForURL(/\/flows\/[0-9a-f]{24}\/test$/);
  await page.getByLabel(/^First Name/).fill("Elizabeth");
  await page.getByLabel(/^Last Name/).fill("Hernández");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole("button", { name: "Send test lead" }).click();
  await expect.poll(() => page.getByText(/success|failure/).first().isVisible()).toBe(true);
}

describe("home page", () => {
  it("shows leads today and this week by outcome, imports, and each flow with its last lead", async () => {
    const page = await loggedIn();
    await page.goto(`${baseUrl()}/`);
    expect(await page.getByRole("heading", { level: 1, name: "Dashboard" }).isVisible()).toBe(true);
    expect(await page.getByText(/Times in [A-Za-z_]+(\/[A-Za-z_]+)*\./).first().isVisible()).toBe(true);
    const leads = page.getByRole("region", { name: "Leads" });
    for (const label of ["Today", "Last 7 days"]) expect(await leads.getByRole("heading", { name: label }).isVisible()).toBe(true);
    for (const outcome of ["Submitted", "Success", "Failure", "Error"]) expect(await leads.getByText(outcome, { exact: true }).count()).toBe(2);
    expect(await leads.getByRole("link").first().getAttribute("href")).toBe("/leads?range=today");
    const flows = page.getByRole("region", { name: "Flows" });
    expect(await flows.getByRole("link", { name: "Demo mortgage leads" }).isVisible()).toBe(true);
    expect(await flows.textContent()).toMatch(new RegExp(`Last lead ${ZONED_TIME.source}|No leads yet`));
    expect(await page.getByRole("region", { name: "Imports running now" }).isVisible()).toBe(true);
    expect(await page.getByRole("region", { name: "Latest imports" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "home.png");
    await page.close();
  });
});

describe("names and the lead page", () => {
  it("lists and heads a lead by its name as sent, and shows its fields by label with a timeline", async () => {
    const page = await loggedIn();
    const email = `e2e-names-${Date.now()}@example.com`;
    await sendNamedLead(page, email);

    await page.goto(`${baseUrl()}/leads?range=all&q=${encodeURIComponent(email)}`);
    const table = page.getByRole("table", { name: /Leads, newest first/ });
    await expect.poll(() => table.getByText(/Elizabeth Hernández/).isVisible()).toBe(true);
    expect(await table.getByText(/elizabeth hernández/).count()).toBe(0);
    expect(await table.textContent()).toMatch(ZONED_TIME);
    await expectAccessible(page);

    await table.getByRole("link", { name: /^[0-9a-f]{24}$/ }).first().click();
    await page.waitForURL(/\/leads\/[0-9a-f]{24}$/);
    expect(await page.getByText(/^Elizabeth Hernández · /).isVisible()).toBe(true);

    // Fields by label, in the flow's order, never "id id".
    const rowHeaders = await page.getByRole("rowheader").allTextContents();
    const labels = rowHeaders.map((t) => t.trim());
    expect(labels.indexOf("First Name first_name")).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf("First Name first_name")).toBeLessThan(labels.indexOf("Last Name last_name"));
    expect(labels.indexOf("Last Name last_name")).toBeLessThan(labels.indexOf("Email email"));
    expect(labels.filter((t) => /^(\S+) \1$/.test(t))).toEqual([]);

    const timeline = page.getByRole("list", { name: "Timeline" });
    expect(await page.getByRole("heading", { name: "Timeline" }).isVisible()).toBe(true);
    expect(await timeline.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await timeline.textContent()).toMatch(ZONED_TIME);
    expect(await page.getByText(/Times in [A-Za-z_]+/).first().isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Download the whole lead as JSON" }).getAttribute("href")).toMatch(/\/lead\.json$/);
    await expectAccessible(page);
    await page.close();
  });
});

describe("sharing a report", () => {
  it("keeps the name and the choice after the link is refused", async () => {
    const page = await loggedIn();
    // No flow or source chosen: a "this report" link is refused.
    await page.goto(`${baseUrl()}/reports`);
    await page.getByLabel("Link name").fill("Kept after an error");
    await page.getByLabel("This report, for its chosen flows and sources only").check();
    await page.getByRole("button", { name: "Create shared link" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: /\S/ }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Link name").inputValue()).toBe("Kept after an error");
    expect(await page.getByLabel("This report, for its chosen flows and sources only").isChecked()).toBe(true);
    expect(await page.getByLabel("A partner report for one source (counts by reason, its imports)").isChecked()).toBe(false);
    await expectAccessible(page);
    await page.close();
  });
});

describe("icon", () => {
  it("serves /favicon.ico and names an icon in every page's head", async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${baseUrl()}/login`);
    const favicon = await page.request.get(`${baseUrl()}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\//);
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    expect((await page.request.get(new URL(href!, baseUrl()).toString())).status()).toBe(200);
    await page.waitForLoadState("load");
    expect(errors.filter((e) => /favicon|404/.test(e))).toEqual([]);
    await page.close();
  });
});
