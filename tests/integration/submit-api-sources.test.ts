// The real-time lead API's per-source rules (disabled sources and flows, API keys), Idempotency-Key,
// concurrency, the meta endpoint, and submitLead for the UI; on the real database engine.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { idempotencyKeys, leads, sources } from "@/db/schema";
import { demoFlowConfig } from "@/db/demo-flow";
import { logger } from "@/lib/logger";
import { submitLead } from "@/lib/intake/submit-lead";
import { basic, callApi, expectTextError, form, seedDemoFlow, updateFlow, updateSource, type Ids } from "../helpers/lead-api";

let demo: Awaited<ReturnType<typeof seedDemoFlow>>;
let ids: Ids;
let n = 0;
const uniqueEmail = () => `src${++n}-${Date.now()}@example.com`;

beforeAll(async () => {
  demo = await seedDemoFlow();
  ids = { flowId: demo.flowId, sourceId: demo.sourceId };
});

beforeEach(async () => {
  await updateSource(demo.sourceId, { enabled: true, requireApiKey: false });
  await updateFlow(demo.flowId, { enabled: true, config: demoFlowConfig });
});

describe("sources and flows", () => {
  it("answers 403 Source is disabled to a disabled source", async () => {
    await updateSource(demo.sourceId, { enabled: false });
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }));
    await expectTextError(res, 403, "Source is disabled");
  });

  it("stores a lead sent to a disabled flow with the outcome error", async () => {
    await updateFlow(demo.flowId, { enabled: false });
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ outcome: "error", reason: "Flow is disabled", price: 0 });
  });

  it("requires the source's API key with HTTP Basic user API when the source says so", async () => {
    await updateSource(demo.sourceId, { requireApiKey: true });
    const lead = () => form({ email: uniqueEmail(), state: "TX" });
    const missing = await callApi(ids, lead());
    const wrong = await callApi(ids, { ...lead(), headers: { ...lead().headers, authorization: basic(demo.otherApiKey) } });
    const right = await callApi(ids, { ...lead(), headers: { ...lead().headers, authorization: basic(demo.apiKey) } });
    expect([missing.status, wrong.status, right.status]).toEqual([401, 401, 201]);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Basic realm="Leadport"/);
    await expectTextError(missing, 401, "This source requires its API key (HTTP Basic, user API)");
  });

  it("answers 500 Internal error without details when something unexpected breaks", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    await updateFlow(demo.flowId, { config: { steps: "not a list" } });
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }));
    await expectTextError(res, 500, "Internal error");
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe("Idempotency-Key", () => {
  const leadCount = async () => getDb().$count(leads, eq(leads.sourceId, demo.sourceId));

  it("replays the first reply to a retry instead of creating a second lead", async () => {
    const lead = form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": `retry-${n}` });
    const first = await callApi(ids, lead);
    const before = await leadCount();
    const retry = await callApi(ids, { ...lead, headers: { ...lead.headers, accept: "application/xml" } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toContain(`<id>${(await first.json()).lead.id}</id>`);
    expect(await leadCount()).toBe(before);
  });

  it("replays a redirect with its Location", async () => {
    const lead = { ...form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": `redirect-${n}` }), query: "redir_url=https://example.com/thanks" };
    await callApi(ids, lead);
    const retry = await callApi(ids, lead);
    expect(retry.status).toBe(303);
    expect(retry.headers.get("location")).toBe("https://example.com/thanks");
  });

  it("creates one lead for concurrent requests with one key and answers the others 409 or the same reply", async () => {
    const lead = form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": `parallel-${n}` });
    const before = await leadCount();
    const replies = await Promise.all(Array.from({ length: 5 }, () => callApi(ids, lead)));
    expect(await leadCount()).toBe(before + 1);
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
  });

  it("answers 409 while the first request is still being processed", async () => {
    await getDb().insert(idempotencyKeys).values({ sourceId: demo.sourceId, key: "in-flight" });
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": "in-flight" }));
    expect(res.headers.get("retry-after")).toBe("1");
    await expectTextError(res, 409, "A request with this Idempotency-Key is still being processed");
  });

  it("keeps keys apart per source and refuses a malformed key", async () => {
    const key = { "idempotency-key": `shared-${n}` };
    const a = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }, key));
    const b = await callApi({ ...ids, sourceId: demo.otherSourceId }, form({ email: uniqueEmail(), state: "TX" }, key));
    expect((await a.json()).lead.id).not.toBe((await b.json()).lead.id);
    expect((await callApi(ids, form({ email: "a@b.co" }, { "idempotency-key": "has space" }))).status).toBe(400);
  });

  it("frees the key after an unexpected error so a retry can go through", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    await updateFlow(demo.flowId, { config: { steps: "not a list" } });
    const lead = form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": `after-error-${n}` });
    expect((await callApi(ids, lead)).status).toBe(500);
    const held = await getDb().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.sourceId, demo.sourceId), eq(idempotencyKeys.key, `after-error-${n}`)));
    expect(held).toEqual([]);
    logged.mockRestore();
  });
});

describe("50 identical leads at the same instant", () => {
  it("give exactly one success and 49 duplicates", async () => {
    const lead = form({ email: uniqueEmail(), phone_1: "512-555-0100", state: "TX" });
    const replies = await Promise.all(Array.from({ length: 50 }, () => callApi(ids, lead)));
    const bodies = await Promise.all(replies.map((r) => r.json()));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(bodies.filter((b) => b.outcome === "success")).toHaveLength(1);
    expect(bodies.filter((b) => b.outcome === "failure" && b.reason === "duplicate")).toHaveLength(49);
  });
});

describe("meta", () => {
  it("lists the flow's fields with type, required and examples, and its acceptance criteria", async () => {
    const res = await callApi(ids, { method: "GET", route: "meta" });
    expect(res.status).toBe(200);
    const meta = await res.json();
    expect(meta.flow).toEqual({ id: demo.flowId, name: "Demo mortgage leads", enabled: true });
    expect(meta.submit_path).toBe(`/flows/${demo.flowId}/sources/${demo.sourceId}/submit`);
    expect(meta.fields.find((f: { id: string }) => f.id === "state")).toEqual({ id: "state", label: "State", type: "state", required: false, examples: ["TX", "Texas"] });
    expect(meta.acceptance_criteria.map((c: { reason: string }) => c.reason)).toEqual(["Email or phone is required", "State must be a valid US state or Canadian province"]);
    expect(meta.acceptance_criteria[0].description).toBe("Any of: Email is not blank; Phone 1 is not blank");
  });

  it("asks for the API key when the source requires it", async () => {
    await updateSource(demo.sourceId, { requireApiKey: true });
    await expectTextError(await callApi(ids, { method: "GET", route: "meta" }), 401, "This source requires its API key (HTTP Basic, user API)");
    expect((await callApi(ids, { method: "GET", route: "meta", headers: { authorization: basic(demo.apiKey) } })).status).toBe(200);
  });
});

describe("submitLead", () => {
  it("returns the body the API returns and marks test leads", async () => {
    const result = await submitLead({ ...ids, data: { email: uniqueEmail(), state: "TX" }, isTest: true });
    expect(result).toEqual({ status: 201, body: { outcome: "success", lead: { id: expect.any(String) }, price: 15 } });
    if (result.status !== 201) return;
    const [lead] = await getDb().select({ isTest: leads.isTest }).from(leads).where(eq(leads.id, result.body.lead.id));
    expect(lead!.isTest).toBe(true);
  });

  it("sees a settings change at once and refuses another account's flow", async () => {
    // Straight to the database: submitLead reads fresh, without the API's settings cache.
    await getDb().update(sources).set({ enabled: false }).where(eq(sources.id, demo.sourceId));
    expect(await submitLead({ ...ids, data: { email: uniqueEmail() } })).toEqual({ status: 403, body: { message: "Source is disabled" } });
    expect(await submitLead({ ...ids, data: {}, accountId: "0".repeat(24) })).toEqual({ status: 404, body: { message: "Flow or source not found" } });
  });
});
