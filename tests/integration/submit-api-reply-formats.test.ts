// A source's reply format (docs/api.md): LeadConduit's "Standard Classic" XML <response>, and
// "Verbose", which is the standard reply since Leadport appends no data. Run again over the direct
// route by submit-api-reply-formats-direct.test.ts.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leads, sources } from "@/db/schema";
import { env } from "@/lib/env";
import { sourceConfigSchema, type SourceConfig } from "@/lib/flow/model";
import { callApi, expectTextError, form, seedDemoFlow, updateSource, type Ids } from "../helpers/lead-api";

let ids: Ids;
let config: SourceConfig;
let n = 0;
const uniqueEmail = () => `format${++n}-${Date.now()}@example.com`;
const classicOf = (text: string) => /<leadId>([0-9a-f]{24})<\/leadId>/.exec(text)?.[1];

beforeAll(async () => {
  const demo = await seedDemoFlow();
  ids = { flowId: demo.flowId, sourceId: demo.sourceId };
  const [row] = await getDb().select({ config: sources.config }).from(sources).where(eq(sources.id, ids.sourceId));
  config = sourceConfigSchema.parse(row!.config);
});

beforeEach(async () => updateSource(ids.sourceId, { config }));

describe("Standard Classic replies", () => {
  beforeEach(async () => updateSource(ids.sourceId, { config: { ...config, replyFormat: "classic" } }));

  it("answers 201 with <response>: result, leadId, url and price, whatever Accept asked for", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }, { accept: "application/json" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const text = await res.text();
    const id = classicOf(text)!;
    expect(text).toBe(
      [
        '<!DOCTYPE response SYSTEM "https://app.leadconduit.com/dtd/response-v2-basic.dtd">',
        "<response>",
        "  <result>success</result>",
        `  <leadId>${id}</leadId>`,
        "  <url>",
        `    <![CDATA[${env.APP_URL.replace(/\/$/, "")}/leads/${id}]]>`,
        "  </url>",
        "  <price>15</price>",
        "</response>",
      ].join("\n"),
    );
    expect((await getDb().select({ outcome: leads.outcome }).from(leads).where(eq(leads.id, id)))[0]).toEqual({ outcome: "success" });
  });

  it("gives the reason of a failure", async () => {
    const text = await (await callApi(ids, form({ first_name: "No contact", state: "TX" }))).text();
    expect(text).toContain("<result>failure</result>\n  <reason>Email or phone is required</reason>\n  <leadId>");
    expect(text).toContain("<price>0</price>");
  });

  it("answers 201 without redirecting for a redir_url, and replays the same to an Idempotency-Key retry", async () => {
    const lead = { ...form({ email: uniqueEmail(), state: "TX" }, { "idempotency-key": `classic-${n}` }), query: "redir_url=https://example.com/thanks" };
    const first = await callApi(ids, lead);
    const retry = await callApi(ids, lead);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get("location")).toBeNull();
    expect(retry.headers.get("location")).toBeNull();
    expect(classicOf(await retry.text())).toBe(classicOf(await first.text()));
  });

  it("keeps text/plain errors and the standard ping reply", async () => {
    await expectTextError(await callApi(ids, { body: "{", headers: { "content-type": "application/json" } }), 400, /^Unable to parse JSON -- /);
    expect(await (await callApi(ids, { ...form({ email: uniqueEmail(), state: "TX" }), route: "ping" })).json()).toEqual({ outcome: "success", price: 15 });
  });
});

describe("Verbose replies", () => {
  it("are the standard reply, JSON or XML by Accept", async () => {
    await updateSource(ids.sourceId, { config: { ...config, replyFormat: "verbose" } });
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ outcome: "success", lead: { id: expect.stringMatching(/^[0-9a-f]{24}$/) }, price: 15 });
  });
});

describe("sources saved before reply formats", () => {
  it("read as standard", async () => {
    expect(config.replyFormat).toBeUndefined();
    expect(sourceConfigSchema.safeParse({ acceptance: [], caps: [] }).success).toBe(true);
    expect(sourceConfigSchema.safeParse({ replyFormat: "fancy" }).success).toBe(false);
  });
});
