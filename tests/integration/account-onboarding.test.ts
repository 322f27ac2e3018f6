// The ways in: account:create and its setup link, invitations and reset links used by the person
// they are for, forgot password, and sign-up.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { getDatabase, getDb } from "@/db";
import { accountHolders, accountLinks, accounts, auditEvents, sessions } from "@/db/schema";
import { completeSetup, resetPassword } from "@/lib/accounts/choose-password";
import { createAccountWithSetupLink } from "@/lib/accounts/create-account";
import { getLinkDetails } from "@/lib/accounts/link-details";
import { createLink } from "@/lib/accounts/links";
import { logIn } from "@/lib/auth/login";
import { getSessionHolder } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { createAccount } from "../helpers/accounts";

const APP_URL = "https://leads.example.com";
const client = { userAgent: "vitest", address: "203.0.113.9" };
const password = "a long enough password";

async function rowCounts() {
  const tables = [accounts, accountHolders, accountLinks, auditEvents];
  return Promise.all(tables.map(async (t) => (await getDb().select({ n: count() }).from(t))[0]!.n));
}

const tokenOf = (url: string) => url.split("/").pop()!;

describe("account:create", () => {
  it("creates the account, a password-less owner, a setup link and an audit entry", async () => {
    const result = await createAccountWithSetupLink(getDb(), { email: "  Owner@Example.COM ", name: "Acme Leads", timeZone: "America/New_York", appUrl: APP_URL });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.email).toBe("owner@example.com");
    expect(result.setupUrl).toMatch(/^https:\/\/leads\.example\.com\/setup\/[A-Za-z0-9_-]{43}$/);
    const [account] = await getDb().select().from(accounts).where(eq(accounts.id, result.accountId));
    expect(account).toMatchObject({ name: "Acme Leads", timeZone: "America/New_York" });
    const [owner] = await getDb().select().from(accountHolders).where(eq(accountHolders.accountId, result.accountId));
    expect(owner).toMatchObject({ email: "owner@example.com", role: "owner", passwordHash: null });
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.accountId, result.accountId));
    expect(audit.map((a) => a.action)).toEqual(["account.created"]);
    expect(await getLinkDetails("setup", tokenOf(result.setupUrl))).toMatchObject({ email: "owner@example.com", accountName: "Acme Leads" });
  });

  it("stores only the token's hash", async () => {
    const result = await createAccountWithSetupLink(getDb(), { email: "hash@example.com", name: "Hash Co", appUrl: APP_URL });
    if (result.status !== "ok") throw new Error(result.message);
    const token = tokenOf(result.setupUrl);
    // 43 base64url characters carry 256 bits.
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const dump = JSON.stringify(
      await Promise.all([accountLinks, accountHolders, accounts, auditEvents, sessions].map((t) => getDb().select().from(t))),
    );
    expect(dump).toContain(sha256(token));
    expect(dump).not.toContain(token);
  });

  it("refuses an email that exists in any account, in any case, and changes nothing", async () => {
    await createAccount({ email: "taken@example.com", password });
    const before = await rowCounts();
    const result = await createAccountWithSetupLink(getDb(), { email: "TAKEN@example.com", name: "Again", appUrl: APP_URL });
    expect(result).toEqual({ status: "email_taken", message: "taken@example.com already signs in to Leadport; nothing was changed." });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an unknown time zone and a bad email", async () => {
    const before = await rowCounts();
    expect(await createAccountWithSetupLink(getDb(), { email: "tz@example.com", name: "TZ", timeZone: "Mars/Olympus", appUrl: APP_URL })).toMatchObject({
      status: "invalid",
      message: expect.stringContaining('Unknown time zone "Mars/Olympus"'),
    });
    expect(await createAccountWithSetupLink(getDb(), { email: "tz@example.com", name: "TZ", timeZone: "+05:00", appUrl: APP_URL })).toMatchObject({ status: "invalid" });
    expect(await createAccountWithSetupLink(getDb(), { email: "not-an-email", name: "TZ", appUrl: APP_URL })).toMatchObject({ status: "invalid" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("the setup link", () => {
  async function newOwner(email: string, now?: Date) {
    const result = await createAccountWithSetupLink(getDb(), { email, name: "Setup Co", appUrl: APP_URL, now });
    if (result.status !== "ok") throw new Error(result.message);
    return { ...result, token: tokenOf(result.setupUrl) };
  }

  it("sets the password and signs the owner in, once", async () => {
    const owner = await newOwner("setup@example.com");
    const done = await completeSetup({ token: owner.token, password, confirmPassword: password, client });
    expect(done.status).toBe("ok");
    if (done.status !== "ok") return;
    expect(done.email).toBe("setup@example.com");
    expect(await getSessionHolder(sha256(done.session.token))).toMatchObject({ email: "setup@example.com", role: "owner", accountId: owner.accountId });
    const [row] = await getDb().select().from(sessions).where(eq(sessions.tokenHash, sha256(done.session.token)));
    expect(row).toMatchObject({ userAgent: "vitest", clientAddress: "203.0.113.9" });
    expect((await logIn({ email: "setup@example.com", password, address: "10.9.0.1" })).status).toBe("ok");

    const again = await completeSetup({ token: owner.token, password: "another password 2", confirmPassword: "another password 2", client });
    expect(again).toEqual({ status: "gone" });
    expect(await getLinkDetails("setup", owner.token)).toBeNull();
    expect((await logIn({ email: "setup@example.com", password, address: "10.9.0.2" })).status).toBe("ok");
  });

  it("is refused once two parallel uses race, to all but one", async () => {
    const owner = await newOwner("race@example.com");
    const results = await Promise.all(
      ["first password 1", "second password 2"].map((p) => completeSetup({ token: owner.token, password: p, confirmPassword: p, client })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["gone", "ok"]);
  });

  it("expires after 24 hours", async () => {
    const owner = await newOwner("late@example.com", new Date(Date.now() - 24 * 3_600_000 - 1000));
    expect(await getLinkDetails("setup", owner.token)).toBeNull();
    expect(await completeSetup({ token: owner.token, password, confirmPassword: password, client })).toEqual({ status: "gone" });
    const [holder] = await getDb().select().from(accountHolders).where(eq(accountHolders.email, "late@example.com"));
    expect(holder!.passwordHash).toBeNull();
  });

  it("applies the password rules and leaves the link usable", async () => {
    const owner = await newOwner("weak@example.com");
    expect(await completeSetup({ token: owner.token, password: "short", confirmPassword: "short", client })).toEqual({
      status: "invalid",
      fieldErrors: { password: "Use at least 10 characters." },
    });
    expect(await completeSetup({ token: owner.token, password: "aaaaaaaaaaaa", confirmPassword: "aaaaaaaaaaaa", client })).toMatchObject({ status: "invalid" });
    expect(await completeSetup({ token: owner.token, password, confirmPassword: password + "x", client })).toEqual({
      status: "invalid",
      fieldErrors: { confirmPassword: "The two passwords do not match" },
    });
    expect((await completeSetup({ token: owner.token, password, confirmPassword: password, client })).status).toBe("ok");
  });

  it("answers gone for unknown and malformed tokens, and for a reset token used as a setup token", async () => {
    const account = await createAccount({ email: "kinds@example.com", password });
    const reset = await createLink(getDb(), { accountId: account.accountId, kind: "reset", email: "kinds@example.com", accountHolderId: account.holderId });
    for (const token of [reset.token, "x".repeat(43), "../../etc", ""]) {
      expect(await completeSetup({ token, password, confirmPassword: password, client })).toEqual({ status: "gone" });
      expect(await getLinkDetails("setup", token)).toBeNull();
    }
  });
});

describe("the reset link", () => {
  let account: Awaited<ReturnType<typeof createAccount>>;
  beforeEach(async () => {
    account = await createAccount({ email: `reset-${Math.random().toString(36).slice(2)}@example.com`, password });
  });

  it("sets a new password, ends every other session and signs in fresh", async () => {
    const [holder] = await getDb().select().from(accountHolders).where(eq(accountHolders.id, account.holderId));
    const first = await logIn({ email: holder!.email, password, address: "10.8.0.1" });
    const second = await logIn({ email: holder!.email, password, address: "10.8.0.2" });
    if (first.status !== "ok" || second.status !== "ok") throw new Error("sign-in failed");
    const link = await createLink(getDb(), { accountId: account.accountId, kind: "reset", email: holder!.email, accountHolderId: holder!.id });

    const fresh = "brand new password";
    const done = await resetPassword({ token: link.token, password: fresh, confirmPassword: fresh, client });
    if (done.status !== "ok") throw new Error(done.status);
    expect(await getSessionHolder(sha256(first.token))).toBeNull();
    expect(await getSessionHolder(sha256(second.token))).toBeNull();
    expect(await getSessionHolder(sha256(done.session.token))).toMatchObject({ holderId: holder!.id });
    expect((await getDb().select().from(sessions).where(eq(sessions.accountHolderId, holder!.id))).length).toBe(1);
    expect((await logIn({ email: holder!.email, password, address: "10.8.0.3" })).status).toBe("invalid");
    expect((await logIn({ email: holder!.email, password: fresh, address: "10.8.0.4" })).status).toBe("ok");
    expect(await resetPassword({ token: link.token, password, confirmPassword: password, client })).toEqual({ status: "gone" });
  });

  it("is refused when revoked", async () => {
    const link = await createLink(getDb(), { accountId: account.accountId, kind: "reset", email: "x@example.com", accountHolderId: account.holderId });
    await getDb().update(accountLinks).set({ revokedAt: new Date() }).where(eq(accountLinks.id, link.id));
    expect(await resetPassword({ token: link.token, password, confirmPassword: password, client })).toEqual({ status: "gone" });
  });
});

describe("npm run account:create", () => {
  // The real command in a child process: on PostgreSQL against this file's database, on PGlite in
  // a directory of its own (PGlite allows one process per directory).
  const dataDir = mkdtempSync(join(tmpdir(), "lp-account-create-"));
  const childEnv = { ...process.env, APP_URL, LEADPORT_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "scripts/account-create.ts", ...args], { env: childEnv }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints one JSON line, refuses the same email again, and explains its arguments", async () => {
    const first = await run("--email", "cli@example.com", "--name", "CLI Leads", "--time-zone", "Europe/Berlin");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    const printed = JSON.parse(first.stdout);
    expect(Object.keys(printed)).toEqual(["accountId", "email", "setupUrl"]);
    expect(printed.email).toBe("cli@example.com");
    expect(printed.setupUrl).toMatch(/^https:\/\/leads\.example\.com\/setup\/[A-Za-z0-9_-]{43}$/);

    const again = await run("--email", "CLI@example.com", "--name", "Other");
    expect(again.code).not.toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("cli@example.com already signs in to Leadport; nothing was changed.");

    const usage = await run("--email", "x@example.com");
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain("Usage: npm run -s account:create");

    const database = process.env.DATABASE_URL ? getDatabase() : openDatabase({ dataDir });
    try {
      const rows = await database.db.select({ id: accounts.id, name: accounts.name, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, printed.accountId));
      expect(rows).toEqual([{ id: printed.accountId, name: "CLI Leads", timeZone: "Europe/Berlin" }]);
      const named = await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, "Other"));
      expect(named).toEqual([]);
    } finally {
      if (!process.env.DATABASE_URL) await database.close();
    }
  });
});
