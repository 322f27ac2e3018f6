import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("account holder", () => {
  it("logs in and sees the dashboard with the demo flow", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL(/\/login$/);
    await expectAccessible(page);
    await logInAsDemo(page);
    await expect.poll(() => page.getByRole("heading", { name: "Dashboard" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Demo mortgage leads" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.close();
  });

  it("is told plainly when the password is wrong", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email").fill("demo@leadport.local");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Next adds its own (empty) route-announcer alert; ours is the one with text.
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "do not match" }).count()).toBe(1);
    await page.close();
  });

  it("reaches every section by the navigation, each page accessible", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInAsDemo(page);
    for (const section of ["Flows", "Sources", "Imports", "Leads", "Reports"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: section }).click();
      await page.waitForURL(`${baseUrl()}/${section.toLowerCase()}`);
      expect(await page.getByRole("heading", { level: 1, name: section }).isVisible()).toBe(true);
      await expectAccessible(page);
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
    await page.getByRole("link", { name: "Demo mortgage leads" }).click();
    await page.waitForURL(/\/flows\/[0-9a-f]{24}$/);
    await expectAccessible(page);
    await page.close();
  });

  it("gets a 404 for a flow id that is not theirs, and no stack trace", async () => {
    const page = await (await browser.newContext()).newPage();
    await logInAsDemo(page);
    const response = await page.goto(`${baseUrl()}/flows/0123456789abcdef01234567`);
    expect(response?.status()).toBe(404);
    const text = await page.textContent("body");
    expect(text).toContain("Not found");
    expect(text).not.toMatch(/at .*\.js:\d+/);
    await page.close();
  });

  it("is sent to the login page after signing out, and the old session is revoked", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInAsDemo(page);
    const [cookie] = (await context.cookies()).filter((c) => c.name === "lp_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login$/);
    // Replaying the old cookie must not work: the session row is gone.
    const replay = await fetch(`${baseUrl()}/`, { headers: { cookie: `lp_session=${cookie!.value}` }, redirect: "manual" });
    expect(replay.status).toBeGreaterThanOrEqual(300);
    expect(replay.status).toBeLessThan(400);
    await context.close();
  });
});
