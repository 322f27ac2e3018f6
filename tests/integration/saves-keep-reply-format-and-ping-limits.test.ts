// A source's reply format and a flow's ping limits live in the same config as criteria and caps; the
// editors that save those must keep them, and each has its own save (issue #17).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { sources } from "@/db/schema";
import type { Cap, SourceConfig } from "@/lib/flow/model";
import { getFlowForAccount } from "@/lib/flows/queries";
import { createFlow, saveFlow } from "@/lib/flows/save-flow";
import { getSourceForAccount, updateSource } from "@/lib/sources/queries";
import { createSource, saveSourceConfig, setSourceReplyFormat, updateSourceSettings } from "@/lib/sources/manage";
import { createAccount } from "../helpers/accounts";

let mine: Awaited<ReturnType<typeof createAccount>>;
let theirs: Awaited<ReturnType<typeof createAccount>>;
const actor = { id: null, email: "saves-keep@example.com" };
const priceRule = { mode: "rules" as const, rules: [{ ruleSet: { op: "and" as const, rules: [] }, price: 4 }] };
const emailPingLimit: Cap = { id: "ping-email", limit: 5, period: "hour", ruleSet: { op: "and", rules: [{ lhv: "email", op: "is not blank" }] } };

beforeAll(async () => {
  mine = await createAccount({ email: "saves-keep@example.com", password: "saves-keep-password" });
  theirs = await createAccount({ email: "saves-keep-theirs@example.com", password: "theirs-password" });
});

async function classicSource() {
  const created = await createSource({ accountId: mine.accountId, flowId: mine.flowId, name: "Classic seller", contact: "", actor });
  if (created.status !== "ok") throw new Error("no source");
  const config: SourceConfig = { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [], replyFormat: "classic" };
  await updateSource(mine.accountId, created.sourceId, { config });
  return created.sourceId;
}
const storedConfig = async (sourceId: string) => (await getDb().select({ config: sources.config }).from(sources).where(eq(sources.id, sourceId)))[0]!.config as SourceConfig;

describe("a source's reply format", () => {
  it("survives saving the source's settings", async () => {
    const sourceId = await classicSource();
    const done = await updateSourceSettings(mine.accountId, sourceId, { name: "Renamed", contact: "a@b.example", enabled: false, requireApiKey: true }, actor);
    expect(done).toEqual({ status: "ok" });
    expect((await storedConfig(sourceId)).replyFormat).toBe("classic");
  });

  it("survives saving criteria and pricing sent without it (an old tab, or a client that never heard of it)", async () => {
    const sourceId = await classicSource();
    expect(await saveSourceConfig(mine.accountId, sourceId, { acceptance: [], pricing: priceRule, caps: [] })).toEqual({ status: "ok" });
    const config = await storedConfig(sourceId);
    expect(config.replyFormat).toBe("classic");
    expect(config.pricing.rules[0]!.price).toBe(4);
  });

  it("is not changed by the criteria save even when the page sent a stale one: the reply format form owns it", async () => {
    const sourceId = await classicSource();
    await saveSourceConfig(mine.accountId, sourceId, { acceptance: [], pricing: priceRule, caps: [], replyFormat: "verbose" });
    expect((await storedConfig(sourceId)).replyFormat).toBe("classic");
  });

  it("is set by its own save, keeping criteria and pricing, and read back by the source page's query", async () => {
    const sourceId = await classicSource();
    await saveSourceConfig(mine.accountId, sourceId, { acceptance: [], pricing: priceRule, caps: [] });
    expect(await setSourceReplyFormat(mine.accountId, sourceId, "verbose")).toEqual({ status: "ok" });
    const source = await getSourceForAccount(mine.accountId, sourceId);
    expect(source!.config.replyFormat).toBe("verbose");
    expect(source!.config.pricing.rules[0]!.price).toBe(4);
  });

  it("cannot be set on another account's source", async () => {
    const sourceId = await classicSource();
    expect(await setSourceReplyFormat(theirs.accountId, sourceId, "standard")).toEqual({ status: "not_found" });
    expect((await storedConfig(sourceId)).replyFormat).toBe("classic");
  });
});

describe("a flow's ping limits", () => {
  async function flowWithPingLimit() {
    const flowId = await createFlow({ accountId: mine.accountId, actor, name: "Pinged flow", starter: "contact" });
    const flow = (await getFlowForAccount(mine.accountId, flowId))!;
    const saved = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 1, name: flow.name, config: { ...flow.config, pingLimits: [emailPingLimit] } });
    expect(saved).toEqual({ status: "ok", version: 2 });
    return flowId;
  }

  it("are saved with the flow and come back to the editor as saved", async () => {
    const flowId = await flowWithPingLimit();
    expect((await getFlowForAccount(mine.accountId, flowId))!.config.pingLimits).toEqual([emailPingLimit]);
  });

  it("survive the editor's next save, which posts the config the page loaded with a change elsewhere", async () => {
    const flowId = await flowWithPingLimit();
    const loaded = (await getFlowForAccount(mine.accountId, flowId))!;
    const edited = { ...loaded.config, caps: [{ id: "cap-1", limit: 10, period: "day" as const, ruleSet: { op: "and" as const, rules: [] } }] };
    expect(await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 2, name: loaded.name, config: edited })).toEqual({ status: "ok", version: 3 });
    const after = (await getFlowForAccount(mine.accountId, flowId))!.config;
    expect(after.pingLimits).toEqual([emailPingLimit]);
    expect(after.caps).toHaveLength(1);
  });

  it("are checked like caps: a rule naming a field the flow lacks is refused at its path", async () => {
    const flowId = await flowWithPingLimit();
    const loaded = (await getFlowForAccount(mine.accountId, flowId))!;
    const bad: Cap = { ...emailPingLimit, ruleSet: { op: "and", rules: [{ lhv: "no_such_field", op: "is not blank" }] } };
    const saved = await saveFlow({ accountId: mine.accountId, actor, flowId, expectedVersion: 2, name: loaded.name, config: { ...loaded.config, pingLimits: [bad] } });
    expect(saved.status).toBe("invalid");
    expect(Object.keys(saved.status === "invalid" ? saved.fieldErrors : {}).some((path) => path.startsWith("pingLimits.0.ruleSet"))).toBe(true);
  });
});
