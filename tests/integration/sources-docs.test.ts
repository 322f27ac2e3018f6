// Sources for account holders and their Submission Docs: keys and links shown once or derived again,
// rotation that kills the old credential at once, and credentials that open one flow+source only.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { flows, sources } from "@/db/schema";
import { sha256 } from "@/lib/crypto";
import { getFlowForAccount, setFlowEnabled } from "@/lib/flows/queries";
import { createFlow, saveFlow } from "@/lib/flows/save-flow";
import { clearSubmitTargetCache } from "@/lib/intake/submit-lead";
import { docsTokenGrants, resolveDocsToken } from "@/lib/sources/docs-access";
import { docsTokenFor } from "@/lib/sources/links";
import { createSource, rotateApiKey, rotateDocsLink, saveSourceConfig, setSourceReplyFormat, updateSourceSettings } from "@/lib/sources/manage";
import { getSourceForAccount } from "@/lib/sources/queries";
import { getSubmissionDocs, sendDocsExample } from "@/lib/sources/submission-docs";
import { createAccount } from "../helpers/accounts";
import { basic, callApi, form } from "../helpers/lead-api";

let mine: Awaited<ReturnType<typeof createAccount>>;
let theirs: Awaited<ReturnType<typeof createAccount>>;
let flowId: string;
const actor = { id: null, email: "sources-mine@example.com" };

const tokenOf = async (sourceId: string) => {
  const [row] = await getDb().select({ id: sources.id, docsTokenNonce: sources.docsTokenNonce }).from(sources).where(eq(sources.id, sourceId));
  return docsTokenFor(row!);
};

async function addSource(name: string) {
  const created = await createSource({ accountId: mine.accountId, flowId, name, contact: "leads@buyer.example", actor });
  if (created.status !== "ok") throw new Error("source not created");
  return { ...created, token: await tokenOf(created.sourceId) };
}

beforeAll(async () => {
  mine = await createAccount({ email: "sources-mine@example.com", password: "mine-password" });
  theirs = await createAccount({ email: "sources-theirs@example.com", password: "theirs-password" });
  flowId = await createFlow({ accountId: mine.accountId, actor, name: "Docs flow", starter: "contact" });
  const { config } = (await getFlowForAccount(mine.accountId, flowId))!;
  const steps = [{ id: "dedupe", type: "dedupe", name: "Duplicate check", fields: ["email"] }];
  await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Docs flow", config: { ...config, steps } });
});

describe("a new source", () => {
  it("gets an API key that is shown once and stored only as a hash", async () => {
    const source = await addSource("Acme");
    expect(source.apiKey).toMatch(/^lpk_/);
    const [row] = await getDb().select().from(sources).where(eq(sources.id, source.sourceId));
    expect(row!.apiKeyHash).toBe(sha256(source.apiKey));
    expect(JSON.stringify(row)).not.toContain(source.apiKey);
    expect(JSON.stringify(row)).not.toContain(source.token);
  });
});

describe("Submission Docs links", () => {
  it("open the docs of their own flow and source, with fields, criteria and the posting URL", async () => {
    const source = await addSource("Docs reader");
    const docs = await getSubmissionDocs(source.token);
    expect(docs).toMatchObject({ flowId, sourceId: source.sourceId, sourceName: "Docs reader", contact: "leads@buyer.example", accountName: "Account sources-mine@example.com" });
    expect(docs!.submitUrl).toMatch(new RegExp(`/flows/${flowId}/sources/${source.sourceId}/submit$`));
    expect(docs!.meta.fields.find((f) => f.id === "email")).toMatchObject({ required: true, examples: ["jdoe@example.com"] });
    expect(docs!.meta.acceptance_criteria.map((c) => c.description)).toEqual(["Email is not blank"]);
    expect(docs!.requests.form).toContain("--data 'first_name=John&last_name=Doe&email=jdoe%40example.com&phone_1=512-789-1111'");
  });

  it("stop working at once when rotated, while the new link works", async () => {
    const source = await addSource("Rotator");
    const rotated = await rotateDocsLink(mine.accountId, source.sourceId, actor);
    expect(rotated.status).toBe("ok");
    expect(await resolveDocsToken(source.token)).toBeNull();
    const fresh = await tokenOf(source.sourceId);
    expect(rotated.status === "ok" && rotated.docsUrl.endsWith(`/docs/${fresh}`)).toBe(true);
    expect(await resolveDocsToken(fresh)).toMatchObject({ sourceId: source.sourceId });
  });

  it("say nothing for a disabled source or flow, or a token that is not one", async () => {
    const source = await addSource("Switcher");
    await updateSourceSettings(mine.accountId, source.sourceId, { name: "Switcher", contact: "", enabled: false, requireApiKey: false }, actor);
    expect(await getSubmissionDocs(source.token)).toBeNull();
    await updateSourceSettings(mine.accountId, source.sourceId, { name: "Switcher", contact: "", enabled: true, requireApiKey: false }, actor);
    await setFlowEnabled(mine.accountId, flowId, false, actor);
    expect(await getSubmissionDocs(source.token)).toBeNull();
    await setFlowEnabled(mine.accountId, flowId, true, actor);
    expect(await getSubmissionDocs(source.token)).not.toBeNull();
    expect(await resolveDocsToken("x".repeat(43))).toBeNull();
    expect(await resolveDocsToken(`${source.token}x`)).toBeNull();
  });

  it("grant their own flow and source only, never another source's ids", async () => {
    const a = await addSource("A");
    const b = await addSource("B");
    expect(await docsTokenGrants(a.token, { flowId, sourceId: a.sourceId })).toMatchObject({ sourceId: a.sourceId });
    expect(await docsTokenGrants(a.token, { flowId, sourceId: b.sourceId })).toBeNull();
    expect(await docsTokenGrants(a.token, { flowId: theirs.flowId, sourceId: theirs.sourceId })).toBeNull();
    expect(await docsTokenGrants(theirs.docsToken, { flowId, sourceId: a.sourceId })).toBeNull();
  });

  it("send a test lead from the interactive example: success, then failure duplicate", async () => {
    const source = await addSource("Example sender");
    const values = { email: "docs-example@example.com", first_name: "Grace" };
    const first = await sendDocsExample({ token: source.token, method: "json", values });
    expect(first).toMatchObject({ status: "sent", httpStatus: 201, outcome: "success", contentType: "application/json" });
    const second = await sendDocsExample({ token: source.token, method: "xml", values });
    expect(second).toMatchObject({ status: "sent", outcome: "failure" });
    expect(second.status === "sent" && second.reply).toMatch(/<result>\n  <outcome>failure<\/outcome>\n  <reason>duplicate<\/reason>/);
    await rotateDocsLink(mine.accountId, source.sourceId, actor);
    expect(await sendDocsExample({ token: source.token, method: "json", values })).toEqual({ status: "not_found" });
  });
});

describe("Submission Docs' ping section", () => {
  it("gives the ping URL, a request with the flow's fields (and the API key when required) and both replies, as the ping route answers", async () => {
    const source = await addSource("Ping reader");
    const docs = (await getSubmissionDocs(source.token))!;
    expect(docs.ping.url).toBe(docs.submitUrl.replace(/\/submit$/, "/ping"));
    expect(docs.ping.request).toContain(`curl -X POST '${docs.ping.url}'`);
    expect(docs.ping.request).toContain("--data 'first_name=John&last_name=Doe&email=jdoe%40example.com&phone_1=512-789-1111'");
    expect(docs.ping.request).not.toContain("-u ");
    expect(JSON.parse(docs.ping.replies.bid)).toEqual({ outcome: "success", price: 15 });
    expect(JSON.parse(docs.ping.replies.noBid)).toEqual({ outcome: "failure", reason: "no bid", price: 0 });
    const res = await callApi({ flowId, sourceId: source.sourceId }, { ...form({ email: "ping-docs@example.com" }), route: "ping" });
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json()).filter((key) => !["outcome", "reason", "price"].includes(key))).toEqual([]);
    await updateSourceSettings(mine.accountId, source.sourceId, { name: "Ping reader", contact: "", enabled: true, requireApiKey: true }, actor);
    expect((await getSubmissionDocs(source.token))!.ping.request).toContain("-u 'API:YOUR_API_KEY'");
  });
});

describe("Submission Docs of a source with the Standard Classic reply format", () => {
  it("show and send Classic's <response>, whatever the example's Accept", async () => {
    const source = await addSource("Classic reader");
    expect((await getSubmissionDocs(source.token))!.replyFormat).toBe("standard");
    expect(await setSourceReplyFormat(mine.accountId, source.sourceId, "classic")).toEqual({ status: "ok" });
    const docs = (await getSubmissionDocs(source.token))!;
    expect(docs.replyFormat).toBe("classic");
    for (const body of [docs.replies.success, docs.replies.failure, docs.replies.xml]) expect(body).toMatch(/^<!DOCTYPE response SYSTEM "https:\/\/app\.leadconduit\.com\/dtd\/response-v2-basic\.dtd">\n<response>\n/);
    expect(docs.replies.failure).toContain("<result>failure</result>\n  <reason>duplicate</reason>\n  <leadId>5462cdc5869bdb81148ece10</leadId>");
    const sent = await sendDocsExample({ token: source.token, method: "json", values: { email: "classic-docs@example.com" } });
    expect(sent).toMatchObject({ status: "sent", httpStatus: 201, contentType: "application/xml" });
    expect(sent.status === "sent" && sent.reply).toMatch(/^<!DOCTYPE response [^\n]+\n<response>\n  <result>(success|failure)<\/result>/);
  });
});

describe("API keys", () => {
  it("authenticate their own source only, and a rotated key no longer does", async () => {
    const a = await addSource("Keyed A");
    const b = await addSource("Keyed B");
    for (const s of [a, b]) await updateSourceSettings(mine.accountId, s.sourceId, { name: s.sourceId, contact: "", enabled: true, requireApiKey: true }, actor);
    clearSubmitTargetCache();
    const lead = (n: number) => ({ email: `keyed-${n}@example.com` });
    expect((await callApi({ flowId, sourceId: b.sourceId }, form(lead(1), { authorization: basic(a.apiKey) }))).status).toBe(401);
    expect((await callApi({ flowId: theirs.flowId, sourceId: theirs.sourceId }, form(lead(2), { authorization: basic(a.apiKey) }))).status).toBe(201);
    expect((await callApi({ flowId, sourceId: a.sourceId }, form(lead(3), { authorization: basic(a.apiKey) }))).status).toBe(201);
    const rotated = await rotateApiKey(mine.accountId, a.sourceId, actor);
    clearSubmitTargetCache();
    expect((await callApi({ flowId, sourceId: a.sourceId }, form(lead(4), { authorization: basic(a.apiKey) }))).status).toBe(401);
    expect(rotated.status === "ok" && (await callApi({ flowId, sourceId: a.sourceId }, form(lead(5), { authorization: basic(rotated.apiKey) }))).status).toBe(201);
  });
});

describe("another account's source", () => {
  it("cannot be read, changed, or have its credentials rotated", async () => {
    const before = await getDb().select().from(sources).where(eq(sources.id, theirs.sourceId));
    expect(await getSourceForAccount(mine.accountId, theirs.sourceId)).toBeNull();
    expect(await rotateApiKey(mine.accountId, theirs.sourceId, actor)).toEqual({ status: "not_found" });
    expect(await rotateDocsLink(mine.accountId, theirs.sourceId, actor)).toEqual({ status: "not_found" });
    expect(await updateSourceSettings(mine.accountId, theirs.sourceId, { name: "Mine", contact: "", enabled: false, requireApiKey: false }, actor)).toEqual({ status: "not_found" });
    expect(await saveSourceConfig(mine.accountId, theirs.sourceId, {})).toEqual({ status: "not_found" });
    expect(await getDb().select().from(sources).where(eq(sources.id, theirs.sourceId))).toEqual(before);
    expect(await getDb().select({ enabled: flows.enabled }).from(flows).where(eq(flows.id, theirs.flowId))).toEqual([{ enabled: true }]);
  });
});

describe("source criteria and pricing", () => {
  it("are saved when valid and refused, unsaved, with errors when not", async () => {
    const source = await addSource("Priced");
    const criterion = { id: "tx", ruleSet: { op: "and", rules: [{ lhv: "email", op: "does not include", rhv: ["@competitor.example"] }] }, reason: "No competitors" };
    expect(await saveSourceConfig(mine.accountId, source.sourceId, { acceptance: [criterion], pricing: { rules: [{ ruleSet: { op: "and", rules: [] }, price: 12.5 }] } })).toEqual({ status: "ok" });
    const bad = await saveSourceConfig(mine.accountId, source.sourceId, { acceptance: [{ ...criterion, reason: "" }], pricing: { rules: [{ ruleSet: { op: "and", rules: [] }, price: -1 }] } });
    expect(bad).toEqual({ status: "invalid", fieldErrors: { "acceptance.0.reason": "Give a reason the source will read", "pricing.rules.0.price": "Enter 0 or more" } });
    const saved = await getSourceForAccount(mine.accountId, source.sourceId);
    expect(saved!.config).toMatchObject({ acceptance: [criterion], pricing: { mode: "rules", rules: [{ price: 12.5 }] } });
  });
});
