// Issue #14 in Chromium, mapping wide files: the mapping step is one line per column of the file
// (column, sample values, flow field), so it fits the screen however many columns the file has, and
// required fields no column fills are named above the list. A 17-column gen-leads file (whose old
// sideways table was 4,554 px wide) and a 7-column file whose last column, "Email Opt-In", the old
// table hid off screen. Modelled on import-wizard.test.ts.
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../helpers/shared-dir";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo, screenshot } from "./browser";

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

/** Upload as the demo holder, into one source or (multi) a file naming each row's flow and source; open the mapping step. */
async function openMapping(page: Page, file: { name: string; content: Buffer; multi?: boolean }) {
  await logInAsDemo(page);
  await page.goto(`${baseUrl()}/imports/new`);
  if (file.multi) await page.getByRole("radio", { name: /My file has flow_id and source_id columns/ }).check();
  else await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: file.name, mimeType: "text/csv", buffer: file.content });
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/step=file$/, { timeout: 60_000 });
  await page.getByRole("link", { name: "Next: map the columns" }).click();
  await waitForHeading(page, "Map the columns");
}

/** How far the page scrolls sideways: 0 when everything fits the window's width. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function rightEdge(page: Page, label: string): Promise<number> {
  const box = await page.getByLabel(label, { exact: true }).boundingBox();
  return box ? box.x + box.width : Number.POSITIVE_INFINITY;
}

describe("mapping a wide file", () => {
  it("lists a 17-column file's columns down the page, within the window, required fields named first", async () => {
    const viewport = { width: 1280, height: 900 };
    const page = await (await browser.newContext({ viewport })).newPage();
    const content = execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), "40", "--seed", "5"]);
    await openMapping(page, { name: "wide-17.csv", content, multi: true });

    const list = page.getByRole("table", { name: /The file's columns, a few of their values, and the flow field each fills/ });
    expect(await list.getByRole("row").count()).toBe(17 + 1);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await rightEdge(page, "Flow field for column Submitted At")).toBeLessThanOrEqual(viewport.width);
    // Each line shows a few of the column's values beside its field.
    const emailRow = list.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /E-mail Address/ }) });
    expect(await emailRow.getByRole("cell").first().textContent()).toMatch(/@/);
    expect(await page.getByLabel("Flow field for column E-mail Address", { exact: true }).inputValue()).toBe("email");

    // A file naming each row's flow and source needs those two columns; gen-leads has neither.
    const status = page.getByRole("status");
    expect(await status.textContent()).toContain("Required fields not mapped yet: Flow id (flow_id), Source id (source_id).");
    const [statusBox, listBox] = [await status.boundingBox(), await list.boundingBox()];
    expect(statusBox!.y + statusBox!.height).toBeLessThanOrEqual(listBox!.y);
    await screenshot(page, "import-mapping-wide.png");
    await page.getByLabel("Flow field for column Comments", { exact: true }).selectOption({ label: "Flow id (flow_id)" });
    expect(await status.textContent()).toContain("Required fields not mapped yet: Source id (source_id).");
    await expectAccessible(page);

    // The first rows in the file's own layout are one click away, scrolling inside their own region.
    await page.getByText(/^The first \d+ rows as they will be read/).click();
    expect(await page.getByRole("region", { name: "The first rows as they will be read" }).isVisible()).toBe(true);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows a 7-column file's last column, Email Opt-In, without scrolling sideways", async () => {
    const viewport = { width: 1280, height: 900 };
    const page = await (await browser.newContext({ viewport })).newPage();
    const content = Buffer.from(
      "First Name,Last Name,Email,Phone,State,Zip,Email Opt-In\n" +
        "Ana,Lima,ana.optin@example.com,5127891234,MA,02134,Yes\n" +
        "Bob,Stone,bob.optin@example.com,5127891235,NY,10001,No\n",
    );
    await openMapping(page, { name: "seven-columns.csv", content });
    expect(await sidewaysScroll(page)).toBe(0);
    const optIn = page.getByLabel("Flow field for column Email Opt-In", { exact: true });
    expect(await optIn.isVisible()).toBe(true);
    expect(await rightEdge(page, "Flow field for column Email Opt-In")).toBeLessThanOrEqual(viewport.width);
    await optIn.selectOption({ label: "Mobile Opt In" });
    expect(await optIn.inputValue()).toBe("mobile_opt_in");
    await expectAccessible(page);
    await page.context().close();
  });
});
