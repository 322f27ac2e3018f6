// account:link: the way back in from the command line. A person with no password yet (an owner whose
// account:create link expired) gets a new setup link, anyone else a reset link; only the newest works.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { getDatabase, getDb } from "@/db";
import { accountHolders, accountLinks, accounts, auditEvents } from "@/db/schema";
import { makeAccountLink } from "@/lib/accounts/account-link";
import { completeSetup, resetPassword } from "@/lib/accounts/choose-password";
import { createAccountWithSetupLink } from "@/lib/accounts/create-account";
import { createLink } from "@/lib/accounts/links";
import { logIn } from "@/lib/auth/login";
import { sha256 } from "@/lib/crypto";
import { createAccount } from "../helpers/accounts";

const APP_URL = "https://leads.example.com";
const client = { userAgent: "vitest", address: "203.0.113.9" };
const password = "a long enough password";
const tokenOf = (url: string) => url.split("/").pop()!;
const DAY = 24 * 3_600_000;

async function rowCounts() {
  return Promise.all([accounts, accountHolders, accountLinks, auditEvents].map(async (t) => (await getDb().select({ n: count() }).from(t))[0]!.n));
}

async function auditOf(holderId: string) {
  return getDb()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, actorEmail: auditEvents.actorEmail, label: auditEvents.targetLabel })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, "person"), eq(auditEvents.targetId, holderId)));
}

describe("makeAccountLink", () => {
  it("gives an owner whose setup link expired a new one that works, once", async () => {
    const created = await createAccountWithSetupLink(getDb(), { email: "late-owner@example.com", name: "Late Co", appUrl: APP_URL, now: new Date(Date.now() - DAY - 1000) });
    if (created.status !== "ok") throw new Error(created.message);
    expect(await completeSetup({ token: tokenOf(created.setupUrl), password, confirmPassword: password, client })).toEqual({ status: "gone" });

    const made = await makeAccountLink(getDb(), { email: " Late-Owner@Example.com ", appUrl: APP_URL });
    expect(made).toMatchObject({ status: "ok", email: "late-owner@example.com", kind: "setup" });
    if (made.status !== "ok") return;
    expect(made.url).toMatch(/^https:\/\/leads\.example\.com\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt.getTime()).toBeGreaterThan(Date.now() + DAY - 60_000);
    const [stored] = await getDb().select().from(accountLinks).where(eq(accountLinks.tokenHash, sha256(tokenOf(made.url))));
    expect(stored).toMatchObject({ kind: "setup", accountHolderId: created.holderId, accountId: created.accountId, usedAt: null, revokedAt: null });

    expect((await completeSetup({ token: tokenOf(made.url), password, confirmPassword: password, client })).status).toBe("ok");
    expect((await logIn({ email: "late-owner@example.com", password, address: "10.7.0.1" })).status).toBe("ok");
    expect(await completeSetup({ token: tokenOf(made.url), password, confirmPassword: password, client })).toEqual({ status: "gone" });
    expect(await auditOf(created.holderId)).toEqual([
      { action: "person.setup_link_made", actorId: null, actorEmail: "account:link (command line)", label: "late-owner@example.com" },
    ]);
  });

  it("revokes an earlier setup link that still worked", async () => {
    const created = await createAccountWithSetupLink(getDb(), { email: "twice@example.com", name: "Twice Co", appUrl: APP_URL });
    if (created.status !== "ok") throw new Error(created.message);
    const made = await makeAccountLink(getDb(), { email: "twice@example.com", appUrl: APP_URL });
    if (made.status !== "ok") throw new Error(made.message);
    expect(await completeSetup({ token: tokenOf(created.setupUrl), password, confirmPassword: password, client })).toEqual({ status: "gone" });
    expect((await completeSetup({ token: tokenOf(made.url), password, confirmPassword: password, client })).status).toBe("ok");
  });

  it("gives a person with a password a reset link, revoking earlier unused ones but not other kinds", async () => {
    const account = await createAccount({ email: "locked-out@example.com", password });
    const earlier = await createLink(getDb(), { accountId: account.accountId, kind: "reset", email: "locked-out@example.com", accountHolderId: account.holderId });
    const invitation = await createLink(getDb(), { accountId: account.accountId, kind: "invitation", email: "colleague@example.com", role: "viewer" });

    const made = await makeAccountLink(getDb(), { email: "LOCKED-OUT@example.com", appUrl: APP_URL });
    expect(made).toMatchObject({ status: "ok", email: "locked-out@example.com", kind: "reset" });
    if (made.status !== "ok") return;
    expect(made.url).toMatch(/^https:\/\/leads\.example\.com\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(await resetPassword({ token: earlier.token, password: "the earlier link 1", confirmPassword: "the earlier link 1", client })).toEqual({ status: "gone" });
    const [stillOpen] = await getDb().select({ revokedAt: accountLinks.revokedAt }).from(accountLinks).where(eq(accountLinks.id, invitation.id));
    expect(stillOpen!.revokedAt).toBeNull();

    const fresh = "a fresh password 2";
    expect((await resetPassword({ token: tokenOf(made.url), password: fresh, confirmPassword: fresh, client })).status).toBe("ok");
    expect((await logIn({ email: "locked-out@example.com", password: fresh, address: "10.7.0.2" })).status).toBe("ok");
    expect(await auditOf(account.holderId)).toEqual([
      { action: "person.reset_link_made", actorId: null, actorEmail: "account:link (command line)", label: "locked-out@example.com" },
    ]);
  });

  it("refuses an unknown or malformed email and changes nothing", async () => {
    const before = await rowCounts();
    expect(await makeAccountLink(getDb(), { email: "nobody@example.com", appUrl: APP_URL })).toEqual({
      status: "not_found",
      message: "No one signs in to Leadport with nobody@example.com; nothing was changed.",
    });
    expect(await makeAccountLink(getDb(), { email: "not-an-email", appUrl: APP_URL })).toMatchObject({ status: "invalid", message: "Enter a valid email address" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("npm run account:link", () => {
  // The real commands in child processes: on PostgreSQL against this file's database, on PGlite in a
  // directory of its own (PGlite allows one process per directory).
  const dataDir = mkdtempSync(join(tmpdir(), "lp-account-link-"));
  const childEnv = { ...process.env, APP_URL, LEADPORT_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  const run = (script: string, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", script, ...args], { env: childEnv }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints one JSON line with a new setup link, and refuses an unknown email", async () => {
    const created = await run("scripts/account-create.ts", "--email", "cli-link@example.com", "--name", "CLI Link Co");
    expect(created.code, created.stderr).toBe(0);
    const first = JSON.parse(created.stdout) as { setupUrl: string };

    const linked = await run("scripts/account-link.ts", "--email", "CLI-Link@example.com");
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout.trim().split("\n")).toHaveLength(1);
    const printed = JSON.parse(linked.stdout);
    expect(Object.keys(printed)).toEqual(["email", "kind", "url"]);
    expect(printed).toMatchObject({ email: "cli-link@example.com", kind: "setup" });
    expect(printed.url).toMatch(/^https:\/\/leads\.example\.com\/setup\/[A-Za-z0-9_-]{43}$/);

    const unknown = await run("scripts/account-link.ts", "--email", "nobody@example.com");
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain("No one signs in to Leadport with nobody@example.com; nothing was changed.");
    const usage = await run("scripts/account-link.ts");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run -s account:link -- --email");

    const database = process.env.DATABASE_URL ? getDatabase() : openDatabase({ dataDir });
    try {
      const linkOf = async (url: string) =>
        (await database.db.select({ kind: accountLinks.kind, revokedAt: accountLinks.revokedAt }).from(accountLinks).where(eq(accountLinks.tokenHash, sha256(tokenOf(url)))))[0];
      expect(await linkOf(printed.url)).toEqual({ kind: "setup", revokedAt: null });
      expect((await linkOf(first.setupUrl))!.revokedAt).not.toBeNull();
      const links = await database.db.select({ id: accountLinks.id }).from(accountLinks).where(eq(accountLinks.email, "nobody@example.com"));
      expect(links).toEqual([]);
    } finally {
      if (!process.env.DATABASE_URL) await database.close();
    }
  });
});
