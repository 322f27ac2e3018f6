// Issue #16 in Chromium: a resumable upload survives a page reload. The holder starts uploading a
// ~25 MB gen-leads file over a throttled connection; after the first chunk is in, the page is
// reloaded mid-upload. Choosing the same file again continues from where the server stopped (the
// first PATCH after the reload starts past the first chunk, and no new upload is created), and the
// wizard goes on to the file settings step with every row. Modelled on import-wizard.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../helpers/shared-dir";
import { baseUrl, expectAccessible, launchBrowser, logInAsDemo } from "./browser";

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), "leadport-resume-"));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const ROWS = 100_000;
/** The wizard's chunk size (lib/imports/upload/tus-client.ts). */
const CHUNK_BYTES = 8 * 1024 * 1024;

const isChunk = (method: string, url: string) => method === "PATCH" && new URL(url).pathname.startsWith("/api/uploads/");
const isCreation = (method: string, url: string) => method === "POST" && new URL(url).pathname === "/api/uploads";

async function chooseAndUpload(page: Page, path: string) {
  await page.getByLabel("Flow and source", { exact: true }).selectOption({ label: "Acme Leads" });
  // A file on disk keeps its name, size and modification time across the reload: tus-js-client's
  // fingerprint of it, under which the upload's URL is kept in localStorage, stays the same.
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(path);
  await page.getByRole("button", { name: "Upload" }).click();
}

describe("resumable upload", () => {
  it("continues after the page is reloaded mid-upload, from where the server stopped", async () => {
    const path = join(dir, "leads-resume.csv");
    await writeFile(path, execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), String(ROWS), "--seed", "16"], { maxBuffer: 128 * 1024 * 1024 }));
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await logInAsDemo(page);
    await page.goto(`${baseUrl()}/imports/new`);

    // About 4 MB/s up: each 8 MB chunk takes two seconds, so the reload lands mid-file.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    const firstChunk = page.waitForResponse((res) => isChunk(res.request().method(), res.url()) && res.status() === 204, { timeout: 60_000 });
    await chooseAndUpload(page, path);
    await firstChunk;
    await page.reload();
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const offsets: number[] = [];
    let creations = 0;
    page.on("request", (request) => {
      if (isChunk(request.method(), request.url())) offsets.push(Number(request.headers()["upload-offset"]));
      if (isCreation(request.method(), request.url())) creations += 1;
    });
    await chooseAndUpload(page, path);
    await page.waitForURL(/step=file$/, { timeout: 120_000 });

    expect(creations).toBe(0);
    expect(offsets[0]).toBeGreaterThanOrEqual(CHUNK_BYTES);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: /^Preview: 100,000 rows, \d+ columns$/ }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.title()).not.toBe("");
    await expectAccessible(page);
  });
});
