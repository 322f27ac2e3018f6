import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { missingSecurityHeaders } from "@/lib/http/security-headers";
import { baseUrl, expectAccessible, launchBrowser, screenshot } from "./browser";

// A production deploy's first account, as the README says: `account:create` (run by global-setup before
// the server started) prints a setup link; the owner chooses a password through it and invites a
// colleague as a viewer, who sees no secrets and can change nothing, until the owner removes them.

const OWNER_PASSWORD = "owner-password-e2e";
const VIEWER_EMAIL = "viewer@acme.example";
const VIEWER_PASSWORD = "viewer-password-e2e";
const VIEWPORT = { width: 1280, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


function expectSecurityHeaders(response: Response | null, what: string) {
  expect(response, what).not.toBeNull();
  const headers = response!.headers();
  expect(missingSecurityHeaders((name) => headers[name], { https: false }), what).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl()}/`);
}

describe("an account made with account:create", () => {
  let ownerPage: Page;
  let viewerPage: Page;
  let sourceUrl = "";
  let flowUrl = "";

  it("lets the owner choose a password through the setup link, once", async () => {
    ownerPage = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const setupUrl = inject("ownerSetupUrl");
    expect(setupUrl).toMatch(/\/setup\/[A-Za-z0-9_-]{43}$/);
    const response = await ownerPage.goto(setupUrl);
    expectSecurityHeaders(response, "the setup page");
    await expect.poll(() => ownerPage.getByText("owner@acme.example").first().isVisible()).toBe(true);
    await expectAccessible(ownerPage);
    await ownerPage.getByLabel("Password", { exact: true }).fill("short");
    await ownerPage.getByLabel("Password again").fill("short");
    await ownerPage.getByRole("button", { name: "Save password and sign in" }).click();
    await expect.poll(() => ownerPage.getByText(/at least 10 characters/).first().isVisible()).toBe(true);
    await ownerPage.getByLabel("Password", { exact: true }).fill(OWNER_PASSWORD);
    await ownerPage.getByLabel("Password again").fill(OWNER_PASSWORD);
    await ownerPage.getByRole("button", { name: "Save password and sign in" }).click();
    await ownerPage.waitForURL(`${baseUrl()}/`);

    // The link worked once: opened again (in another browser), it is gone.
    const other = await (await browser.newContext()).newPage();
    const again = await other.goto(setupUrl);
    expect(again?.status()).toBe(404);
    expect(await other.textContent("body")).toContain("expired or was already used");
    await other.close();
  });

  it("lets the owner make a flow and a source, then invite a viewer with a link shown once", async () => {
    const page = ownerPage;
    await page.goto(`${baseUrl()}/flows/new`);
    await page.getByLabel("Name", { exact: true }).fill("Acme auto leads");
    await page.getByLabel("An empty flow").check();
    await page.getByRole("button", { name: "Create flow" }).click();
    await page.waitForURL(/\/flows\/[0-9a-f]{24}$/);
    flowUrl = page.url();
    await page.goto(`${flowUrl}/sources`);
    await page.getByLabel("Source name").fill("Acme seller");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect.poll(async () => (await page.getByLabel(/API key, shown this once/).count()) > 0).toBe(true);
    await page.getByRole("link", { name: "Acme seller", exact: true }).click();
    await page.waitForURL(/\/sources\/[0-9a-f]{24}$/);
    sourceUrl = page.url();
    expect(await page.getByLabel(/Share this link with the source/).inputValue()).toMatch(/\/docs\//);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("link", { name: "People" }).first().click();
    await page.waitForURL(`${baseUrl()}/settings/people`);
    await expectAccessible(page);
    await page.getByLabel("Email").fill(VIEWER_EMAIL);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const link = page.getByLabel(/Invitation link, shown this once/);
    await expect.poll(async () => (await link.count()) > 0 && (await link.inputValue())).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const inviteUrl = await link.inputValue();
    await expectAccessible(page);

    viewerPage = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await viewerPage.goto(inviteUrl);
    await expectAccessible(viewerPage);
    await viewerPage.getByLabel("Your name").fill("Vera Viewer");
    await viewerPage.getByLabel("Password", { exact: true }).fill(VIEWER_PASSWORD);
    await viewerPage.getByLabel("Password again").fill(VIEWER_PASSWORD);
    await viewerPage.getByRole("button", { name: /join|sign in/i }).click();
    await viewerPage.waitForURL(`${baseUrl()}/`);

    await page.reload();
    await expect.poll(() => page.getByRole("cell", { name: VIEWER_EMAIL, exact: true }).isVisible()).toBe(true);
    await screenshot(page, "people.png");
  });

  it("shows the viewer no API keys or docs links, and no way to save a flow or rotate a link", async () => {
    const page = viewerPage;
    // A fresh sign-in, as the viewer would do another day.
    await page.context().clearCookies();
    await signIn(page, VIEWER_EMAIL, VIEWER_PASSWORD);

    await page.goto(sourceUrl);
    const html = await page.content();
    expect(html).not.toMatch(/\/docs\/[A-Za-z0-9_-]{43}/);
    expect(html).not.toContain("lpk_");
    expect(await page.getByRole("button", { name: /Rotate/ }).count()).toBe(0);
    expect(await page.getByText("Ask an editor for the docs link").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`${flowUrl}/sources`);
    expect(await page.content()).not.toMatch(/\/docs\/[A-Za-z0-9_-]{43}/);
    await page.goto(flowUrl);
    expect(await page.getByRole("button", { name: "Save flow" }).count()).toBe(0);
    await expectAccessible(page);

    // Pages for changing things are not there for a viewer at all.
    expect((await page.goto(`${baseUrl()}/flows/new`))?.status()).toBe(404);
    expect((await page.goto(`${baseUrl()}/settings/people`))?.status()).toBe(404);
    expect((await page.goto(`${baseUrl()}/settings/audit`))?.status()).toBe(404);
  });

  it("ends the viewer's session when the owner removes them: their next page load goes to sign-in", async () => {
    const page = ownerPage;
    await page.goto(`${baseUrl()}/settings/people`);
    await page.getByRole("button", { name: `Remove ${VIEWER_EMAIL}` }).click();
    await page.getByRole("button", { name: "Remove", exact: true }).click();
    await expect.poll(() => page.getByRole("cell", { name: VIEWER_EMAIL, exact: true }).count()).toBe(0);

    await viewerPage.goto(`${baseUrl()}/leads`);
    await viewerPage.waitForURL(/\/login$/);
  });

  it("records what happened in the audit log, newest first", async () => {
    const page = ownerPage;
    await page.goto(`${baseUrl()}/settings/audit`);
    await expectAccessible(page);
    const rows = page.getByRole("row");
    await expect.poll(() => rows.count()).toBeGreaterThan(4);
    const text = (await page.getByRole("table").textContent()) ?? "";
    expect(text).toContain(VIEWER_EMAIL);
    // Removed (newest) is listed above invited.
    const removedAt = text.search(/[Rr]emoved/);
    const invitedAt = text.search(/[Ii]nvited/);
    expect(removedAt).toBeGreaterThanOrEqual(0);
    expect(invitedAt).toBeGreaterThan(removedAt);
    await screenshot(page, "audit-log.png");
  });

  it("sends the security headers on every page", async () => {
    const page = ownerPage;
    const paths = [
      "/",
      "/flows",
      new URL(flowUrl).pathname,
      `${new URL(flowUrl).pathname}/history`,
      "/sources",
      new URL(sourceUrl).pathname,
      "/imports",
      "/imports/new",
      "/leads",
      "/reports",
      "/settings",
      "/settings/people",
      "/settings/me",
      "/settings/audit",
      "/no-such-page",
    ];
    for (const path of paths) expectSecurityHeaders(await page.goto(`${baseUrl()}${path}`), path);
    const anonymous = await (await browser.newContext()).newPage();
    for (const path of ["/login", "/forgot-password", "/signup", "/setup/not-a-token", "/invite/not-a-token", "/reset/not-a-token", "/docs/not-a-token", "/r/not-a-token"]) {
      expectSecurityHeaders(await anonymous.goto(`${baseUrl()}${path}`), path);
    }
    await anonymous.close();
  });

  it("answers a cross-origin Server Action call with 403, not 500", async () => {
    const response = await fetch(`${baseUrl()}/settings/people`, {
      method: "POST",
      headers: { "next-action": "0123456789abcdef", origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
  });
});
