// LeadConduit's ping through its route handler (and, from submit-api-ping-direct.test.ts, through the
// production server's direct route), on the real database engine: the same checks as a submit,
// nothing claimed or stored, 200 with outcome and price, "no bid" for no price, ping limits, counts.
import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { capCounters, dedupeKeys, flows, leads, pingDailyCounts } from "@/db/schema";
import { flowConfigSchema, type FlowConfig } from "@/lib/flow/model";
import { basic, callApi, expectTextError, form, seedDemoFlow, updateFlow, updateSource, type Ids } from "../helpers/lead-api";

let ids: Ids;
let apiKey: string;
let demoConfig: FlowConfig;
let n = 0;
const uniqueEmail = () => `ping${++n}-${Date.now()}@example.com`;
const ping = (data: Record<string, string>, headers: Record<string, string> = {}) => callApi(ids, { ...form(data, headers), route: "ping" });
const counts = async () => ({ leads: await getDb().$count(leads), dedupeKeys: await getDb().$count(dedupeKeys) });
const pingCounts = async () =>
  (await getDb().select({ outcome: pingDailyCounts.outcome, count: pingDailyCounts.count }).from(pingDailyCounts).where(eq(pingDailyCounts.flowId, ids.flowId))).reduce<Record<string, number>>(
    (all, r) => ({ ...all, [r.outcome]: (all[r.outcome] ?? 0) + Number(r.count) }),
    {},
  );

beforeAll(async () => {
  const demo = await seedDemoFlow();
  ids = { flowId: demo.flowId, sourceId: demo.sourceId };
  apiKey = demo.apiKey;
  const [flow] = await getDb().select({ config: flows.config }).from(flows).where(eq(flows.id, ids.flowId));
  demoConfig = flowConfigSchema.parse(flow!.config);
});

beforeEach(async () => {
  await updateFlow(ids.flowId, { config: demoConfig });
  await updateSource(ids.sourceId, { enabled: true, requireApiKey: false });
});

describe("ping", () => {
  it("answers 200 with outcome and price, no lead id, and stores nothing", async () => {
    const before = await counts();
    const res = await ping({ email: uniqueEmail(), state: "TX", credit_rating: "Excellent" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({ outcome: "success", price: 30 });
    expect(await counts()).toEqual(before);
  });

  it("answers in XML without a lead id when Accept asks for it", async () => {
    const res = await ping({ email: uniqueEmail(), state: "TX" }, { accept: "text/xml" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<?xml version="1.0"?>\n<result>\n  <outcome>success</outcome>\n  <price>15</price>\n</result>');
  });

  it("claims no dedupe key: a ping and then the lead both succeed, and a ping after the lead is a duplicate", async () => {
    const lead = { email: uniqueEmail(), phone_1: "512-555-0199", state: "TX" };
    expect(await (await ping(lead)).json()).toEqual({ outcome: "success", price: 15 });
    expect(await (await ping(lead)).json()).toEqual({ outcome: "success", price: 15 });
    expect((await (await callApi(ids, form(lead))).json()).outcome).toBe("success");
    expect(await (await ping(lead)).json()).toEqual({ outcome: "failure", reason: "duplicate", price: 0 });
  });

  it("fails by the acceptance criteria with their reason", async () => {
    expect(await (await ping({ first_name: "No contact", state: "TX" })).json()).toEqual({ outcome: "failure", reason: "Email or phone is required", price: 0 });
  });

  it("answers failure with reason no bid when the price is 0", async () => {
    await updateFlow(ids.flowId, { config: { ...demoConfig, pricing: { mode: "rules", rules: [] } } });
    const res = await ping({ email: uniqueEmail(), state: "TX" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ outcome: "failure", reason: "no bid", price: 0 });
  });

  it("checks volume caps without taking a unit", async () => {
    await updateFlow(ids.flowId, { config: { ...demoConfig, caps: [{ id: "one", limit: 1, period: "day", ruleSet: { op: "and", rules: [] } }] } });
    expect(await (await ping({ email: uniqueEmail(), state: "TX" })).json()).toMatchObject({ outcome: "success" });
    expect(await getDb().$count(capCounters)).toBe(0);
    expect((await (await callApi(ids, form({ email: uniqueEmail(), state: "TX" }))).json()).outcome).toBe("success");
    expect(await (await ping({ email: uniqueEmail(), state: "TX" })).json()).toEqual({ outcome: "failure", reason: "Cap reached", price: 0 });
  });

  it("takes a unit of the flow's ping limits per bid and fails once one is full", async () => {
    await updateFlow(ids.flowId, { config: { ...demoConfig, pingLimits: [{ id: "two-a-day", limit: 2, period: "day", ruleSet: { op: "and", rules: [] } }] } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await (await ping({ email: uniqueEmail(), state: "TX" })).json());
    expect(answers).toEqual([
      { outcome: "success", price: 15 },
      { outcome: "success", price: 15 },
      { outcome: "failure", reason: "Ping limit reached", price: 0 },
    ]);
    // A ping limit caps pings only: the lead itself still goes through.
    expect((await (await callApi(ids, form({ email: uniqueEmail(), state: "TX" }))).json()).outcome).toBe("success");
  });

  it("keeps flows saved before ping limits valid", () => {
    const { pingLimits, ...old } = { ...demoConfig, pingLimits: undefined };
    expect(pingLimits).toBeUndefined();
    expect(flowConfigSchema.safeParse(old).success).toBe(true);
  });

  it("counts pings per day and outcome, apart from leads", async () => {
    const before = await pingCounts();
    const leadsBefore = await getDb().$count(leads);
    await ping({ email: uniqueEmail(), state: "TX" });
    await ping({ first_name: "No contact", state: "TX" });
    const after = await pingCounts();
    expect((after.success ?? 0) - (before.success ?? 0)).toBe(1);
    expect((after.failure ?? 0) - (before.failure ?? 0)).toBe(1);
    expect(await getDb().$count(leads)).toBe(leadsBefore);
    const [day] = await getDb().execute(sql`select distinct day::text as day from ping_daily_counts`).then((r) => (r as unknown as { rows: { day: string }[] }).rows);
    expect(day!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses as submit does, in text/plain", async () => {
    const unknown = "0".repeat(24);
    await expectTextError(await callApi({ ...ids, sourceId: unknown }, { ...form({ email: "a@b.co" }), route: "ping" }), 404, "Flow or source not found");
    await expectTextError(await callApi(ids, { method: "PUT", route: "ping" }), 405, "The PUT method is not allowed");
    await expectTextError(await callApi(ids, { body: "{", headers: { "content-type": "application/json" }, route: "ping" }), 400, /^Unable to parse JSON -- /);
    await expectTextError(await callApi(ids, { body: new Blob(["email=a@b.co"]), route: "ping" }), 415, "Content-Type header is required");
    await expectTextError(await ping({ email: uniqueEmail() }, { accept: "text/html" }), 406, "Not capable of generating content according to the Accept header");
    await expectTextError(await callApi(ids, { ...form({ email: uniqueEmail() }), query: "redir_url=ftp://x", route: "ping" }), 400, "Invalid redir_url");
  });

  it("asks for the source's API key and refuses a disabled source, as submit does", async () => {
    await updateSource(ids.sourceId, { requireApiKey: true });
    await expectTextError(await ping({ email: uniqueEmail(), state: "TX" }), 401, "This source requires its API key (HTTP Basic, user API)");
    expect(await (await ping({ email: uniqueEmail(), state: "TX" }, { authorization: basic(apiKey) })).json()).toEqual({ outcome: "success", price: 15 });
    await updateSource(ids.sourceId, { enabled: false, requireApiKey: false });
    await expectTextError(await ping({ email: uniqueEmail(), state: "TX" }), 403, "Source is disabled");
  });

  it("redirects to the query string's redir_url", async () => {
    const res = await callApi(ids, { ...form({ email: uniqueEmail(), state: "TX" }), query: "redir_url=https://example.com/quote", route: "ping" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://example.com/quote");
  });
});
