// The real-time lead API through its route handlers, on the real database engine: every body
// format and status code LeadConduit sources rely on.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leads } from "@/db/schema";
import { callApi, expectTextError, form, json, seedDemoFlow, type Ids } from "../helpers/lead-api";

let ids: Ids;
let n = 0;
const uniqueEmail = () => `lead${++n}-${Date.now()}@example.com`;
const storedLead = async (id: string) => (await getDb().select().from(leads).where(eq(leads.id, id)))[0];

beforeAll(async () => {
  const demo = await seedDemoFlow();
  ids = { flowId: demo.flowId, sourceId: demo.sourceId };
});

describe("submitting a lead", () => {
  it("takes a form post and answers 201 with outcome, lead id and price as LeadConduit does", async () => {
    const res = await callApi(ids, form({ first_name: "John", email: uniqueEmail(), phone_1: "(512) 789-1111", state: "Texas" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["outcome", "lead", "price"]);
    expect(body).toEqual({ outcome: "success", lead: { id: expect.stringMatching(/^[0-9a-f]{24}$/) }, price: 15 });
    const lead = await storedLead(body.lead.id);
    expect(lead).toMatchObject({ flowId: ids.flowId, sourceId: ids.sourceId, outcome: "success", isBatchLead: false, importId: null, importLine: null });
    expect(lead!.normalized).toMatchObject({ state: { normal: "TX" }, phone_1: { normal: "5127891111" } });
    expect(lead!.events.map((e) => e.step).sort()).toEqual(["1. Duplicate check", "acceptance criteria"]);
  });

  it("gives the lead an id in BSON ObjectId layout whose first 4 bytes are its submission second", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }));
    const { lead } = await res.json();
    const stored = await storedLead(lead.id);
    const idSeconds = Number.parseInt(lead.id.slice(0, 8), 16);
    expect(Math.abs(idSeconds * 1000 - stored!.submittedAt.getTime())).toBeLessThan(1000);
  });

  it("answers a second identical post with failure duplicate", async () => {
    const lead = form({ email: uniqueEmail(), phone_1: "512-789-2222", state: "TX" });
    await callApi(ids, lead);
    const res = await callApi(ids, lead);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["outcome", "reason", "lead", "price"]);
    expect(body).toMatchObject({ outcome: "failure", reason: "duplicate", price: 0 });
  });

  it("answers 201 with the account's reason when acceptance criteria fail", async () => {
    const res = await callApi(ids, form({ first_name: "No contact", state: "TX" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ outcome: "failure", reason: "Email or phone is required", price: 0 });
  });

  it("reads a JSON body with nested objects as dotted fields", async () => {
    const email = uniqueEmail();
    const res = await callApi(ids, json({ email, state: "TX", credit_rating: "Excellent", mortgage: { property: { state: "NV" } } }));
    const body = await res.json();
    expect(body).toMatchObject({ outcome: "success", price: 30 });
    expect((await storedLead(body.lead.id))!.raw).toMatchObject({ email, "mortgage.property.state": "NV" });
  });

  it("reads form fields with dotted keys the same way", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX", "mortgage.property.state": "TX" }));
    expect((await storedLead((await res.json()).lead.id))!.raw).toMatchObject({ "mortgage.property.state": "TX" });
  });

  it("reads an XML body without its root element, attributes included", async () => {
    const email = uniqueEmail();
    const xml = `<?xml version="1.0"?><lead campaign="spring"><email>${email}</email><state>TX</state></lead>`;
    const res = await callApi(ids, { body: xml, headers: { "content-type": "text/xml" } });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect((await storedLead(body.lead.id))!.raw).toEqual({ campaign: "spring", email, state: "TX" });
  });

  it("merges query-string parameters into the body, the query winning", async () => {
    const res = await callApi(ids, { ...form({ email: uniqueEmail(), state: "CA" }), query: "state=TX&xxTrustedFormCertUrl=https://cert.trustedform.com/abc" });
    const lead = await storedLead((await res.json()).lead.id);
    expect(lead!.raw).toMatchObject({ state: "TX", trustedform_cert_url: "https://cert.trustedform.com/abc" });
  });

  it("takes a GET with the lead in the query string", async () => {
    const email = uniqueEmail();
    const res = await callApi(ids, { method: "GET", query: new URLSearchParams({ email, state: "TX" }).toString() });
    expect(res.status).toBe(201);
    expect((await storedLead((await res.json()).lead.id))!.email).toBe(email);
  });

  it("takes a POST without a body from its query string", async () => {
    const res = await callApi(ids, { query: `email=${uniqueEmail()}&state=TX` });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.outcome).toBe("success");
    expect((await storedLead(body.lead.id))!.raw).not.toHaveProperty("redir_url");
  });
});

describe("reply formats", () => {
  it("answers XML in <result>, pretty-printed as LeadConduit's, when Accept asks for it", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }, { accept: "text/xml" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await res.text()).toMatch(/^<\?xml version="1.0"\?>\n<result>\n  <outcome>success<\/outcome>\n  <lead>\n    <id>[0-9a-f]{24}<\/id>\n  <\/lead>\n  <price>15<\/price>\n<\/result>$/);
  });

  it("answers JSON for Accept */*", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX" }, { accept: "*/*" }));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("answers 406 for an Accept it cannot satisfy", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail() }, { accept: "text/html" }));
    await expectTextError(res, 406, "Not capable of generating content according to the Accept header");
  });
});

describe("refused requests", () => {
  it("answers 415 to a body without Content-Type", async () => {
    const res = await callApi(ids, { body: new Blob(["email=a@b.co"]) });
    await expectTextError(res, 415, "Content-Type header is required");
  });

  it("answers 406 to an unsupported Content-Type", async () => {
    const res = await callApi(ids, { body: "email=a@b.co", headers: { "content-type": "text/plain" } });
    await expectTextError(
      res,
      406,
      "MIME type in Content-Type header is not supported. Use only application/x-www-form-urlencoded, application/json, application/xml, text/xml.",
    );
  });

  it.each([
    ["JSON", "application/json", '{"email": "a@b.co",', /^Unable to parse JSON -- .+\.$/],
    ["XML", "application/xml", "<lead><email>a@b.co</lead>", /^Body does not contain XML or XML is unparseable -- .+\.$/],
    ["JSON that is not an object", "application/json", '["a@b.co"]', /^Unable to parse JSON -- the body is not a JSON object\.$/],
  ])("answers 400 with a message to unparsable %s", async (_, contentType, body, message) => {
    const res = await callApi(ids, { body, headers: { "content-type": contentType, accept: "application/json" } });
    await expectTextError(res, 400, message);
  });

  it("answers 400 to an invalid redir_url, before taking the lead", async () => {
    const before = await getDb().$count(leads);
    const res = await callApi(ids, { ...form({ email: uniqueEmail(), state: "TX" }), query: "redir_url=javascript:alert(1)" });
    await expectTextError(res, 400, "Invalid redir_url");
    expect(await getDb().$count(leads)).toBe(before);
  });

  it("answers 413 to a body over 1 MB", async () => {
    const res = await callApi(ids, form({ comments: "x".repeat(1024 * 1024 + 1) }));
    await expectTextError(res, 413, "Body is larger than 1048576 bytes");
  });

  it.each(["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])("answers 405 with Allow: GET, POST to %s", async (method) => {
    const res = await callApi(ids, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    if (method !== "HEAD") await expectTextError(res, 405, `The ${method} method is not allowed`);
  });

  it("answers 404 to an unknown flow or source, or a source of another flow", async () => {
    const unknown = "0".repeat(24);
    for (const target of [{ ...ids, flowId: unknown }, { ...ids, sourceId: unknown }, { flowId: ids.sourceId, sourceId: ids.flowId }, { flowId: "nope", sourceId: "nope" }]) {
      const res = await callApi(target, form({ email: "a@b.co" }));
      await expectTextError(res, 404, "Flow or source not found");
    }
  });
});

describe("redir_url", () => {
  it("answers 303 to that URL after taking the lead", async () => {
    const res = await callApi(ids, { ...form({ email: uniqueEmail(), state: "TX" }), query: "redir_url=https%3A%2F%2Fexample.com%2Fthanks" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://example.com/thanks");
    const body = await res.json();
    expect(body.outcome).toBe("success");
    expect((await storedLead(body.lead.id))!.raw).not.toHaveProperty("redir_url");
  });

  it("reads redir_url in the body as an ordinary field: stored, no redirect", async () => {
    for (const init of [form({ email: uniqueEmail(), state: "TX", redir_url: "https://example.com/body" }), json({ email: uniqueEmail(), state: "TX", redir_url: "https://example.com/body" })]) {
      const res = await callApi(ids, init);
      expect(res.status).toBe(201);
      expect(res.headers.get("location")).toBeNull();
      const body = await res.json();
      expect(body.outcome).toBe("success");
      expect((await storedLead(body.lead.id))!.raw).toMatchObject({ redir_url: "https://example.com/body" });
    }
  });

  it("takes no offence at a body redir_url that is not a URL", async () => {
    const res = await callApi(ids, form({ email: uniqueEmail(), state: "TX", redir_url: "javascript:alert(1)" }));
    expect(res.status).toBe(201);
  });

  it("redirects on the query string's redir_url and stores the body's", async () => {
    const res = await callApi(ids, { ...form({ email: uniqueEmail(), state: "TX", redir_url: "https://example.com/body" }), query: "redir_url=https://example.com/query" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://example.com/query");
    expect((await storedLead((await res.json()).lead.id))!.raw).toMatchObject({ redir_url: "https://example.com/body" });
  });
});
