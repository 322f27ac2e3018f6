// The real-time API's limits (fields per lead, value size, nesting) and API-key rotation, on the real
// database engine; submit-api-limits-direct.test.ts runs the same cases through the production route.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { leads, sources } from "@/db/schema";
import { apiRequestOf } from "@/lib/intake/api-http";
import { rotateApiKey } from "@/lib/sources/manage";
import { basic, callApi, expectTextError, form, json, seedDemoFlow, updateSource, type CallInit, type Ids } from "../helpers/lead-api";

let demo: Awaited<ReturnType<typeof seedDemoFlow>>;
let ids: Ids;
let accountId: string;
let n = 0;
const uniqueEmail = () => `limit${++n}-${Date.now()}@example.com`;
const leadCount = () => getDb().$count(leads);
const xml = (body: string): CallInit => ({ body, headers: { "content-type": "application/xml" } });
const manyFields = (count: number) => ({ email: uniqueEmail(), ...Object.fromEntries(Array.from({ length: count - 1 }, (_, i) => [`extra_${i}`, "x"])) });
const xmlOf = (data: Record<string, string>) => `<lead>${Object.entries(data).map(([k, v]) => `<${k}>${v}</${k}>`).join("")}</lead>`;
const nestedJson = (levels: number) => `${'{"a":'.repeat(levels)}"deep"${"}".repeat(levels)}`;
const nestedXml = (levels: number) => `<lead>${"<a>".repeat(levels)}deep${"</a>".repeat(levels)}</lead>`;

beforeAll(async () => {
  demo = await seedDemoFlow();
  ids = { flowId: demo.flowId, sourceId: demo.sourceId };
  const [row] = await getDb().select({ accountId: sources.accountId }).from(sources).where(eq(sources.id, demo.sourceId));
  accountId = row!.accountId;
});

describe("fields per lead (LEAD_MAX_FIELDS, default 500)", () => {
  it("takes a lead of 500 fields", async () => {
    const res = await callApi(ids, json({ ...manyFields(500), state: undefined }));
    expect(res.status).toBe(201);
  });

  it.each([
    ["JSON", () => json(manyFields(501))],
    ["a form post", () => form(manyFields(501))],
    ["XML", () => xml(xmlOf(manyFields(501)))],
    ["a GET query string", () => ({ method: "GET", query: new URLSearchParams(manyFields(501)).toString() })],
  ])("refuses 501 fields in %s with 413 and stores nothing", async (_, init) => {
    const before = await leadCount();
    const res = await callApi(ids, init());
    await expectTextError(res, 413, "The lead has more than 500 fields");
    expect(await leadCount()).toBe(before);
  });

  it("refuses 70,000 fields in a 1 MB body with 413", async () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`f${i}`, 1])));
    const res = await callApi(ids, { body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
  });

  it.each([
    ["JSON", (v: string) => json({ email: uniqueEmail(), comments: v })],
    ["a form post", (v: string) => form({ email: uniqueEmail(), comments: v })],
    ["XML", (v: string) => xml(xmlOf({ email: uniqueEmail(), comments: v }))],
  ])("takes a 64 KB value and refuses a longer one with 413 in %s", async (_, init) => {
    expect((await callApi(ids, init("x".repeat(64 * 1024)))).status).toBe(201);
    const before = await leadCount();
    const res = await callApi(ids, init("x".repeat(64 * 1024 + 1)));
    await expectTextError(res, 413, "The value of field comments is larger than 64 KB");
    expect(await leadCount()).toBe(before);
  });
});

describe("nesting", () => {
  it("takes 32 levels of JSON and XML", async () => {
    for (const init of [{ body: nestedJson(32), headers: { "content-type": "application/json" } }, xml(nestedXml(32))]) {
      const res = await callApi(ids, init);
      expect(res.status).toBe(201);
    }
  });

  it.each([
    ["JSON, 33 levels", () => ({ body: nestedJson(33), headers: { "content-type": "application/json" } })],
    ["JSON, 20,000 levels", () => ({ body: nestedJson(20_000), headers: { "content-type": "application/json" } })],
    ["XML, 33 levels", () => xml(nestedXml(33))],
    ["XML, 20,000 levels", () => xml(nestedXml(20_000))],
  ])("refuses %s with 400, not 500", async (_, init) => {
    const before = await leadCount();
    const res = await callApi(ids, init());
    await expectTextError(res, 400, "The lead is nested more than 32 levels deep");
    expect(await leadCount()).toBe(before);
  });
});

describe("API key rotation", () => {
  const actor = { id: null, email: "owner@example.com" };
  const withKey = (key: string) => {
    const lead = form({ email: uniqueEmail(), state: "TX" });
    return { ...lead, headers: { ...lead.headers, authorization: basic(key) } };
  };

  beforeEach(async () => {
    await updateSource(demo.sourceId, { requireApiKey: true });
  });

  it("refuses the old key on the very next request, although the settings were cached", async () => {
    let key = demo.apiKey;
    for (let round = 0; round < 3; round++) {
      expect((await callApi(ids, withKey(key))).status).toBe(201); // warms this process's settings cache
      const rotated = await rotateApiKey(accountId, demo.sourceId, actor);
      if (rotated.status !== "ok") throw new Error("rotation failed");
      expect((await callApi(ids, withKey(key))).status).toBe(401);
      expect((await callApi(ids, withKey(rotated.apiKey))).status).toBe(201);
      key = rotated.apiKey;
    }
    demo.apiKey = key;
  });

  it("refuses it at once in another process's cache too, on the submit and meta URLs", async () => {
    // A second copy of the lead API's modules has a settings cache of its own, as another app process does.
    vi.resetModules();
    const other = await import("@/lib/intake/handle-submit");
    const otherMeta = await import("@/lib/intake/meta");
    const submitThere = (key: string) => {
      const init = withKey(key);
      const url = `http://localhost:3000/flows/${ids.flowId}/sources/${ids.sourceId}/submit`;
      return other.handleSubmit(apiRequestOf(new Request(url, { method: "POST", headers: init.headers, body: init.body })), ids);
    };
    const metaThere = (key: string) => otherMeta.handleMeta(new Request("http://localhost:3000/meta", { headers: { authorization: basic(key) } }), ids);
    const old = demo.apiKey;
    expect((await submitThere(old)).status).toBe(201);
    expect((await metaThere(old)).status).toBe(200);
    expect((await callApi(ids, withKey(old))).status).toBe(201);
    const rotated = await rotateApiKey(accountId, demo.sourceId, actor);
    if (rotated.status !== "ok") throw new Error("rotation failed");
    expect([(await submitThere(old)).status, (await metaThere(old)).status, (await callApi(ids, withKey(old))).status]).toEqual([401, 401, 401]);
    expect([(await submitThere(rotated.apiKey)).status, (await metaThere(rotated.apiKey)).status]).toEqual([201, 200]);
    demo.apiKey = rotated.apiKey;
  });
});
