// An account holder builds a flow and a source in the browser; the source opens its Submission Docs
// in a fresh browser (no login) and sends the interactive example twice: success, then duplicate.
// With SCREENSHOT_DIR set, the flow editor and the docs page are saved there as PNGs.
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

const FLOW_NAME = "E2E solar leads";
const VIEWPORT = { width: 1280, height: 900 };


async function addStandardField(page: Page, option: string) {
  await page.getByLabel("Standard field").selectOption({ label: option });
  await page.getByRole("button", { name: "Add field", exact: true }).click();
}

async function saveFlow(page: Page) {
  await page.getByRole("button", { name: "Save flow" }).first().click();
}

describe("flows, sources and Submission Docs", () => {
  let docsUrl = "";

  it("builds a flow with two required fields and a dedupe step, and adds a source", async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await logInAsDemo(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
    await page.getByRole("link", { name: "New flow" }).click();
    await page.waitForURL(/\/flows\/new$/);
    await expectAccessible(page);
    await page.getByLabel("Name", { exact: true }).fill(FLOW_NAME);
    await page.getByLabel("An empty flow").check();
    await page.getByRole("button", { name: "Create flow" }).click();
    await page.waitForURL(/\/flows\/[0-9a-f]{24}$/);
    const flowUrl = page.url();

    await addStandardField(page, "Email (email)");
    await addStandardField(page, "Phone 1 (phone)");
    await page.getByRole("checkbox", { name: "Email is required" }).check();
    await page.getByRole("checkbox", { name: "Phone 1 is required" }).check();

    // A mistake first: the server names it beside the control and saves nothing.
    await page.getByRole("button", { name: "+ Add criterion" }).click();
    await page.getByRole("combobox", { name: "Operator, condition 1 of Conditions of criterion 3" }).selectOption("matches pattern");
    await page.getByRole("textbox", { name: "Pattern, condition 1 of Conditions of criterion 3" }).fill("([0-9]");
    await saveFlow(page);
    await expect.poll(() => page.getByText(/^Not a valid pattern:/).isVisible()).toBe(true);
    expect(await page.getByText("Give a reason the source will read").isVisible()).toBe(true);
    expect(await page.getByRole("textbox", { name: "Pattern, condition 1 of Conditions of criterion 3" }).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Remove criterion 3" }).click();

    await page.getByLabel("New step").selectOption("dedupe");
    await page.getByRole("button", { name: "Add step" }).click();
    expect(await page.getByRole("checkbox", { name: "Email, compared by step 1 (Duplicate check)" }).isChecked()).toBe(true);
    await saveFlow(page);
    await expect.poll(() => page.getByText("Saved as version 2").isVisible()).toBe(true);
    // What was saved is still what the form shows.
    expect(await page.getByRole("checkbox", { name: "Phone 1 is required" }).isChecked()).toBe(true);
    expect(await page.getByRole("combobox", { name: "Field, condition 1 of Conditions of criterion 2" }).inputValue()).toBe("phone_1");
    await expectAccessible(page);
    await screenshot(page, "flow-editor.png");

    const flowTabs = page.getByRole("navigation", { name: "Flow" });
    await flowTabs.getByRole("link", { name: "History" }).click();
    await page.waitForURL(`${flowUrl}/history`);
    await expect.poll(() => page.getByText("Added field Email (email)").isVisible()).toBe(true);
    await expectAccessible(page);

    await flowTabs.getByRole("link", { name: "Sources" }).click();
    await page.waitForURL(`${flowUrl}/sources`);
    await page.getByLabel("Source name").fill("E2E source");
    await page.getByRole("button", { name: "Add source" }).click();
    const apiKey = page.getByLabel(/API key, shown this once/);
    await expect.poll(async () => (await apiKey.count()) > 0 && (await apiKey.inputValue())).toMatch(/^lpk_/);
    await expectAccessible(page);

    await flowTabs.getByRole("link", { name: "Test this flow" }).click();
    await page.waitForURL(`${flowUrl}/test`);
    await page.getByLabel(/^Email/).fill("e2e-test-flow@example.com");
    await page.getByRole("button", { name: "Send test lead" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "1. Duplicate check" }).isVisible()).toBe(true);
    await expectAccessible(page);

    await flowTabs.getByRole("link", { name: "Sources" }).click();
    await page.getByRole("link", { name: "E2E source", exact: true }).click();
    await page.waitForURL(/\/sources\/[0-9a-f]{24}$/);
    docsUrl = await page.getByLabel(/Share this link with the source/).inputValue();
    expect(docsUrl).toMatch(/\/docs\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);
    await page.close();
  });

  it("opens the docs link in a fresh browser and gets success, then failure duplicate, for the same values", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const response = await page.goto(docsUrl);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1, name: FLOW_NAME }).isVisible()).toBe(true);
    for (const section of ["Overview", "Submission URL", "Fields", "Acceptance criteria", "HTTP methods", "Redirect", "Interactive example"]) {
      expect(await page.getByRole("heading", { level: 2, name: section }).isVisible()).toBe(true);
    }
    expect(await page.getByRole("link", { name: "Import Leads" }).getAttribute("href")).toBe(new URL(docsUrl).pathname + "/import");
    await expectAccessible(page);

    await page.locator("#example-email").fill("e2e-docs@example.com");
    await page.locator("#example-phone_1").fill("(512) 555-0199");
    expect(await page.locator("pre code").filter({ hasText: "curl -X POST" }).last().textContent()).toContain("email=e2e-docs%40example.com");
    const reply = page.getByTestId("example-reply");
    await page.getByRole("button", { name: "Send test lead" }).click();
    await expect.poll(async () => (await reply.count()) > 0 && (await reply.textContent())).toContain('"outcome":"success"');
    await screenshot(page, "submission-docs.png");
    await page.getByRole("button", { name: "Send test lead" }).click();
    await expect.poll(() => reply.textContent()).toContain('"outcome":"failure","reason":"duplicate"');
    await expectAccessible(page);
    await context.close();
  });

  it("shows a plain 404 for an unknown link, and for the old link once rotated", async () => {
    const page = await (await browser.newContext()).newPage();
    const unknown = await page.goto(`${baseUrl()}/docs/${"A".repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    expect(await page.getByRole("heading", { name: "This link is no longer valid" }).isVisible()).toBe(true);
    expect(await page.textContent("body")).not.toContain(FLOW_NAME);
    await expectAccessible(page);

    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/sources`);
    await page.getByRole("link", { name: "E2E source", exact: true }).click();
    await page.getByRole("button", { name: "Rotate link" }).click();
    await page.getByRole("button", { name: "Yes, make a new link" }).click();
    await expect.poll(() => page.getByText("New link made. The old link no longer works.").isVisible()).toBe(true);
    const fresh = await page.getByLabel(/Share this link with the source/).inputValue();
    expect(fresh).not.toBe(docsUrl);
    expect((await fetch(docsUrl)).status).toBe(404);
    expect((await fetch(fresh)).status).toBe(200);
    await page.close();
  });
});
