// Debian's Chromium driven by playwright-core; no browser download (the machine has no internet).
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export const baseUrl = () => inject("baseUrl");

export async function logInAsDemo(page: Page, password = "e2e-demo-password") {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill("demo@leadport.local");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl()}/`);
}

// Every page is checked with axe-core: no WCAG A/AA violations.
export async function expectAccessible(page: Page) {
  // Next streams the metadata (<title>) of dynamic pages after the body: let the page finish first.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 10_000 }).catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary).toEqual([]);
}

/**
 * With SCREENSHOT_DIR set, saves the whole page as docs/ui.md shows it (see its "Screenshots"). The
 * viewport grows to the page's height first, so sticky parts sit where a reader sees them, then goes back.
 */
export async function screenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOT_DIR) return;
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, name) });
  await page.setViewportSize(viewport);
}
