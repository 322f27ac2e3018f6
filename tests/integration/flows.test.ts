// Flows for account holders: create, save as versions, history and revert, ownership, on the real
// database engine.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { flows, flowVersions } from "@/db/schema";
import type { FlowConfig } from "@/lib/flow/model";
import { getFlowHistory } from "@/lib/flows/history";
import { getFlowForAccount, setFlowEnabled } from "@/lib/flows/queries";
import { createFlow, revertFlow, saveFlow } from "@/lib/flows/save-flow";
import { testFlow } from "@/lib/flows/test-flow";
import { createSource } from "@/lib/sources/manage";
import { createAccount } from "../helpers/accounts";

let mine: Awaited<ReturnType<typeof createAccount>>;
let theirs: Awaited<ReturnType<typeof createAccount>>;
const holderId = "holder-under-test";
const actor = { id: holderId, email: "flows-mine@example.com" };

beforeAll(async () => {
  mine = await createAccount({ email: "flows-mine@example.com", password: "mine-password" });
  theirs = await createAccount({ email: "flows-theirs@example.com", password: "theirs-password" });
});

const versionsOf = async (flowId: string) =>
  (await getDb().select({ n: count() }).from(flowVersions).where(eq(flowVersions.flowId, flowId)))[0]!.n;

async function newFlow(name = "Solar leads") {
  const flowId = await createFlow({ accountId: mine.accountId, actor, name, starter: "contact" });
  const flow = (await getFlowForAccount(mine.accountId, flowId))!;
  return { flowId, config: flow.config };
}

const withDedupe = (config: FlowConfig): FlowConfig => ({
  ...config,
  steps: [{ id: "dedupe-email", type: "dedupe", name: "Duplicate check", criteria: { op: "and", rules: [] }, caps: [], fields: ["email"], windowDays: null }],
});

describe("saving a flow", () => {
  it("starts at version 1 with that version in its history", async () => {
    const { flowId, config } = await newFlow();
    expect(config.fields.map((f) => f.id)).toEqual(["first_name", "last_name", "email", "phone_1"]);
    const history = await getFlowHistory(mine.accountId, flowId);
    expect(history.map((h) => ({ version: h.version, changes: h.changes }))).toEqual([{ version: 1, changes: null }]);
  });

  it("saves each change as the next version, with what changed", async () => {
    const { flowId, config } = await newFlow();
    const saved = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Solar leads (US)", config: withDedupe(config) });
    expect(saved).toEqual({ status: "ok", version: 2 });
    const [latest] = await getFlowHistory(mine.accountId, flowId);
    expect(latest!.changes!.map((c) => c.text)).toEqual(['Renamed from "Solar leads" to "Solar leads (US)"', 'Added dedupe step "Duplicate check" (name Duplicate check; runs when always; caps none; compares Email; window all history)']);
  });

  it("saves nothing at all when the config has problems, and says what they are", async () => {
    const { flowId, config } = await newFlow();
    const broken: FlowConfig = {
      ...config,
      acceptance: [{ id: "c", ruleSet: { op: "and", rules: [{ lhv: "email", op: "matches pattern", rhv: "([" }] }, reason: "" }],
      steps: [{ id: "r", type: "recipient", name: "Buyer", criteria: { op: "and", rules: [] }, caps: [], url: "javascript:alert(1)", format: "json", mappings: [], timeoutMs: 5000 }],
    };
    const result = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: " ", config: broken });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["acceptance.0.reason", "acceptance.0.ruleSet.rules.0.rhv", "name", "steps.0.url"]);
    const flow = await getFlowForAccount(mine.accountId, flowId);
    expect({ version: flow!.version, name: flow!.name, config: flow!.config }).toEqual({ version: 1, name: "Solar leads", config });
    expect(await versionsOf(flowId)).toBe(1);
  });

  it("refuses to save over a version someone else saved meanwhile", async () => {
    const { flowId, config } = await newFlow();
    await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "First", config });
    const late = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Second", config });
    expect(late).toMatchObject({ status: "conflict", message: expect.stringContaining("version 2") });
    expect((await getFlowForAccount(mine.accountId, flowId))!.name).toBe("First");
    expect(await versionsOf(flowId)).toBe(2);
  });

  it("reverts by saving the old version again as a new one", async () => {
    const { flowId, config } = await newFlow();
    await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Changed", config: withDedupe(config) });
    expect(await revertFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 2, version: 1 })).toEqual({ status: "ok", version: 3 });
    const flow = await getFlowForAccount(mine.accountId, flowId);
    expect({ name: flow!.name, config: flow!.config }).toEqual({ name: "Solar leads", config });
    const [latest] = await getFlowHistory(mine.accountId, flowId);
    expect(latest!.changes!.map((c) => c.kind)).toEqual(["changed", "removed"]);
  });
});

describe("another account's flow", () => {
  it("cannot be saved, reverted, enabled or read, and is left as it was", async () => {
    const other = { accountId: mine.accountId, actor, flowId: theirs.flowId, expectedVersion: 1 };
    const before = await getDb().select().from(flows).where(eq(flows.id, theirs.flowId));
    expect(await saveFlow({ ...other, name: "Mine now", config: {} })).toEqual({ status: "not_found" });
    expect(await revertFlow({ ...other, version: 1 })).toEqual({ status: "not_found" });
    expect(await setFlowEnabled(mine.accountId, theirs.flowId, false, actor)).toBe(false);
    expect(await getFlowHistory(mine.accountId, theirs.flowId)).toEqual([]);
    expect(await createSource({ accountId: mine.accountId, flowId: theirs.flowId, name: "Sneaky", contact: "", actor })).toEqual({ status: "not_found" });
    expect(await getDb().select().from(flows).where(and(eq(flows.id, theirs.flowId)))).toEqual(before);
  });
});

describe("testing a flow", () => {
  it("shows each step's outcome for a test lead, and duplicate the second time", async () => {
    const { flowId, config } = await newFlow();
    await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: "Solar leads", config: withDedupe(config) });
    const source = await createSource({ accountId: mine.accountId, flowId, name: "Tester", contact: "", actor });
    if (source.status !== "ok") throw new Error("source not created");
    const values = { email: "test-flow@example.com", first_name: "Ada" };
    const first = await testFlow({ accountId: mine.accountId, flowId, sourceId: source.sourceId, values });
    expect(first).toMatchObject({ status: "ok", outcome: "success", reason: null });
    if (first.status !== "ok") return;
    expect(first.events.map((e) => [e.step, e.outcome])).toEqual([["acceptance criteria", "success"], ["1. Duplicate check", "success"]]);
    const second = await testFlow({ accountId: mine.accountId, flowId, sourceId: source.sourceId, values });
    expect(second).toMatchObject({ status: "ok", outcome: "failure", reason: "duplicate" });
    const missing = await testFlow({ accountId: mine.accountId, flowId, sourceId: source.sourceId, values: { first_name: "Ada" } });
    expect(missing).toMatchObject({ outcome: "failure", reason: "Email is required", events: [{ step: "acceptance criteria", outcome: "failure", reason: "Email is required" }] });
  });

  it("will not send a test lead to another account's flow", async () => {
    const result = await testFlow({ accountId: mine.accountId, flowId: theirs.flowId, sourceId: theirs.sourceId, values: { email: "x@example.com" } });
    expect(result).toEqual({ status: "refused", message: "Flow or source not found" });
  });
});
