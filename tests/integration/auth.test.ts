import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountHolders, flows, sessions, sources } from "@/db/schema";
import { seedDemo } from "@/db/seed-demo";
import { logIn } from "@/lib/auth/login";
import { getSessionHolder, insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { getFlowForAccount, listFlowsByAccount } from "@/lib/flows/queries";
import { listSourcesByAccount } from "@/lib/sources/queries";
import { createAccount } from "../helpers/accounts";

const seedOptions = { secret: process.env.LEADPORT_SECRET!, appUrl: "http://localhost:3000", password: "demo-password-1" };

describe("demo seed", () => {
  it("creates the demo once and prints the same ids and links again, without secrets", async () => {
    const first = await seedDemo(getDb(), seedOptions);
    const tableCounts = async () =>
      Promise.all([accountHolders, flows, sources].map(async (t) => (await getDb().select({ n: count() }).from(t))[0]!.n));
    const countsAfterFirst = await tableCounts();
    const second = await seedDemo(getDb(), seedOptions);

    expect(first.accountHolder).toEqual({ email: "demo@leadport.local", password: "demo-password-1" });
    expect(first.flows).toHaveLength(1);
    expect(first.flows[0]!.sources).toHaveLength(2);
    expect(first.flows[0]!.sources.every((s) => s.apiKey?.startsWith("lpk_"))).toBe(true);
    expect(second.accountHolder.password).toBeNull();
    expect(second.flows[0]!.sources.map((s) => s.apiKey)).toEqual([null, null]);
    expect(second.flows[0]!.id).toBe(first.flows[0]!.id);
    expect(second.flows[0]!.sources.map((s) => s.docsUrl)).toEqual(first.flows[0]!.sources.map((s) => s.docsUrl));
    expect(await tableCounts()).toEqual(countsAfterFirst);
  });

  it("never stores the password or API keys in clear", async () => {
    const result = await seedDemo(getDb(), seedOptions);
    const stored = JSON.stringify(await getDb().select().from(sources)) + JSON.stringify(await getDb().select().from(accountHolders));
    expect(stored).not.toContain("demo-password-1");
    expect(result.flows[0]!.sources[0]!.docsUrl).toMatch(/\/docs\/[A-Za-z0-9_-]{43}$/);
  });
});

describe("logging in", () => {
  it("opens a session for the right password", async () => {
    const result = await logIn({ email: "Demo@Leadport.local ", password: "demo-password-1", address: "10.0.0.1" });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const holder = await getSessionHolder(sha256(result.token));
    expect(holder?.email).toBe("demo@leadport.local");
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrong = await logIn({ email: "demo@leadport.local", password: "nope", address: "10.0.0.2" });
    const unknown = await logIn({ email: "nobody@example.com", password: "nope", address: "10.0.0.2" });
    expect(wrong).toEqual({ status: "invalid", message: "That email and password do not match an account." });
    expect(unknown).toEqual(wrong);
  });

  it("refuses even the right password after too many failures for that email, to a browser not known for it", async () => {
    await createAccount({ email: "victim@example.com", password: "victim-password" });
    for (let i = 0; i < 10; i++) await logIn({ email: "victim@example.com", password: `guess-${i}`, address: `10.1.0.${i}` });
    const result = await logIn({ email: "victim@example.com", password: "victim-password", address: "10.2.0.1" });
    expect(result.status).toBe("throttled");
  });

  it("limits one address trying many emails", async () => {
    for (let i = 0; i < 10; i++) await logIn({ email: `spray${i}@example.com`, password: "x", address: "10.9.9.9" });
    const result = await logIn({ email: "demo@leadport.local", password: "demo-password-1", address: "10.9.9.9" });
    expect(result.status).toBe("throttled");
  });

  it("does not accept an expired session", async () => {
    const [holder] = await getDb().select({ id: accountHolders.id }).from(accountHolders).limit(1);
    await insertSession({ tokenHash: sha256("expired-token"), accountHolderId: holder!.id, expiresAt: new Date(Date.now() - 1000) });
    expect(await getSessionHolder(sha256("expired-token"))).toBeNull();
    expect((await getDb().select({ n: count() }).from(sessions))[0]!.n).toBeGreaterThan(0);
  });
});

describe("account isolation", () => {
  it("hides another account's flows and sources", async () => {
    const demo = await seedDemo(getDb(), seedOptions);
    const other = await createAccount({ email: "other@example.com", password: "other-password" });
    const demoFlowId = demo.flows[0]!.id;
    const [demoHolder] = await getDb().select({ accountId: accountHolders.accountId }).from(accountHolders).limit(1);

    expect(await getFlowForAccount(other.accountId, demoFlowId)).toBeNull();
    expect(await getFlowForAccount(demoHolder!.accountId, other.flowId)).toBeNull();
    expect((await listFlowsByAccount(other.accountId)).map((f) => f.id)).toEqual([other.flowId]);
    expect((await listSourcesByAccount(other.accountId)).map((s) => s.id)).toEqual([other.sourceId]);
  });
});
