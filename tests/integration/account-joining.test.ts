// Joining from the invited side, forgot password and sign-up.
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountHolders, accountLinks, accounts, auditEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { resetPassword } from "@/lib/accounts/choose-password";
import { NO_MAIL_REPLY, requestPasswordReset, RESET_MAILED_REPLY } from "@/lib/accounts/forgot-password";
import { getLinkDetails } from "@/lib/accounts/link-details";
import { createLink } from "@/lib/accounts/links";
import { signUp } from "@/lib/accounts/sign-up";
import { getSessionHolder } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { captureMailForTests } from "@/lib/mail/send";
import { addPerson, createAccount } from "../helpers/accounts";

const client = { userAgent: "vitest", address: "198.51.100.7" };
const password = "a long enough password";
const joining = { name: "Vera Viewer", password, confirmPassword: password, client };

async function invite(accountId: string, email: string, role: "admin" | "editor" | "viewer", now?: Date) {
  return createLink(getDb(), { accountId, kind: "invitation", email, role, now });
}

describe("accepting an invitation", () => {
  it("joins the inviting account with the invited role, once, and is audited", async () => {
    const account = await createAccount({ email: "inviter@example.com", password });
    const other = await createAccount({ email: "elsewhere@example.com", password });
    const link = await invite(account.accountId, "vera@example.com", "editor");
    expect(await getLinkDetails("invitation", link.token)).toEqual({ email: "vera@example.com", accountName: "Account inviter@example.com", role: "editor", emailTaken: false });

    const joined = await acceptInvitation({ token: link.token, ...joining });
    if (joined.status !== "ok") throw new Error(joined.status);
    const holder = await getSessionHolder(sha256(joined.session.token));
    expect(holder).toMatchObject({ email: "vera@example.com", name: "Vera Viewer", role: "editor", accountId: account.accountId });
    expect(holder!.accountId).not.toBe(other.accountId);
    const [audit] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "person.joined"));
    expect(audit).toMatchObject({ accountId: account.accountId, actorEmail: "vera@example.com", targetId: holder!.holderId, details: { role: "editor" } });

    expect(await acceptInvitation({ token: link.token, ...joining, name: "Someone Else" })).toEqual({ status: "gone" });
    expect((await getDb().select({ n: count() }).from(accountHolders).where(eq(accountHolders.email, "vera@example.com")))[0]!.n).toBe(1);
  });

  it("refuses revoked and expired invitations", async () => {
    const account = await createAccount({ email: "inviter2@example.com", password });
    const revoked = await invite(account.accountId, "revoked@example.com", "viewer");
    await getDb().update(accountLinks).set({ revokedAt: new Date() }).where(eq(accountLinks.id, revoked.id));
    const expired = await invite(account.accountId, "expired@example.com", "viewer", new Date(Date.now() - 7 * 24 * 3_600_000 - 1000));
    for (const token of [revoked.token, expired.token]) {
      expect(await getLinkDetails("invitation", token)).toBeNull();
      expect(await acceptInvitation({ token, ...joining })).toEqual({ status: "gone" });
    }
    expect(await getDb().select().from(accountHolders).where(eq(accountHolders.email, "revoked@example.com"))).toEqual([]);
  });

  it("says so when the address meanwhile signs in elsewhere, and keeps the invitation unused", async () => {
    const account = await createAccount({ email: "inviter3@example.com", password });
    const other = await createAccount({ email: "other3@example.com", password });
    const link = await invite(account.accountId, "busy@example.com", "admin");
    await addPerson({ accountId: other.accountId, email: "busy@example.com", password, role: "viewer" });
    expect(await getLinkDetails("invitation", link.token)).toMatchObject({ emailTaken: true });
    const result = await acceptInvitation({ token: link.token, ...joining });
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("busy@example.com already signs in to Leadport") });
    const [row] = await getDb().select().from(accountLinks).where(eq(accountLinks.id, link.id));
    expect(row!.usedAt).toBeNull();
  });

  it("asks for a name and a password that follows the rules", async () => {
    const account = await createAccount({ email: "inviter4@example.com", password });
    const link = await invite(account.accountId, "named@example.com", "viewer");
    expect(await acceptInvitation({ token: link.token, ...joining, name: "  ", password: "short", confirmPassword: "short" })).toEqual({
      status: "invalid",
      fieldErrors: { name: "Enter your name", password: "Use at least 10 characters." },
    });
    expect(await getLinkDetails("invitation", link.token)).not.toBeNull();
  });
});

describe("forgot password", () => {
  afterEach(() => captureMailForTests(false));

  it("gives the same answer for a known and an unknown address, and mails a working link only to the known one", async () => {
    await createAccount({ email: "forgetful@example.com", password });
    const outbox = captureMailForTests();
    const known = await requestPasswordReset({ email: " Forgetful@Example.com" });
    const unknown = await requestPasswordReset({ email: "nobody-here@example.com" });
    expect(known).toEqual({ status: "ok", message: RESET_MAILED_REPLY });
    expect(unknown).toEqual(known);
    expect(outbox.map((m) => m.to)).toEqual(["forgetful@example.com"]);

    const url = outbox[0]!.text.match(/https?:\/\/\S+\/reset\/([A-Za-z0-9_-]+)/);
    expect(url?.[0]?.startsWith(env.APP_URL)).toBe(true);
    const fresh = "my new password!";
    const done = await resetPassword({ token: url![1]!, password: fresh, confirmPassword: fresh, client });
    expect(done.status).toBe("ok");
  });

  it("mails an address at most three times an hour", async () => {
    await createAccount({ email: "flooded@example.com", password });
    const outbox = captureMailForTests();
    const replies = await Promise.all(Array.from({ length: 6 }, () => requestPasswordReset({ email: "flooded@example.com" })));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(outbox).toHaveLength(3);
    const links = await getDb().select().from(accountLinks).where(eq(accountLinks.email, "flooded@example.com"));
    expect(links).toHaveLength(3);
  });

  it("without mail, sends people to an owner or admin, whatever the address", async () => {
    expect(env.SMTP_URL).toBeUndefined();
    await createAccount({ email: "nomail@example.com", password });
    expect(await requestPasswordReset({ email: "nomail@example.com" })).toEqual({ status: "ok", message: NO_MAIL_REPLY });
    expect(await requestPasswordReset({ email: "unknown-nomail@example.com" })).toEqual({ status: "ok", message: NO_MAIL_REPLY });
    expect(await getDb().select().from(accountLinks).where(eq(accountLinks.email, "nomail@example.com"))).toEqual([]);
  });

  it("asks for a valid address", async () => {
    expect(await requestPasswordReset({ email: "nope" })).toMatchObject({ status: "invalid", fieldErrors: { email: expect.any(String) } });
  });
});

describe("sign-up", () => {
  const form = { name: "Sam Seller", email: "sam@example.com", password, confirmPassword: password, accountName: "Sam's Leads", client };
  afterEach(() => {
    env.SIGNUP = "closed";
  });

  it("is refused while SIGNUP is closed", async () => {
    expect(env.SIGNUP).toBe("closed");
    expect(await signUp(form)).toEqual({ status: "closed" });
    expect(await getDb().select().from(accountHolders).where(eq(accountHolders.email, "sam@example.com"))).toEqual([]);
  });

  it("with SIGNUP open, creates the account and its owner and signs them in", async () => {
    env.SIGNUP = "open";
    const result = await signUp({ ...form, email: "Sam@Example.com" });
    if (result.status !== "ok") throw new Error(JSON.stringify(result));
    const holder = await getSessionHolder(sha256(result.session.token));
    expect(holder).toMatchObject({ email: "sam@example.com", name: "Sam Seller", role: "owner", accountName: "Sam's Leads" });
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.accountId, holder!.accountId));
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([["account.created", "sam@example.com"]]);
  });

  it("refuses a duplicate email with a field error and creates nothing", async () => {
    env.SIGNUP = "open";
    await createAccount({ email: "dup@example.com", password });
    const before = (await getDb().select({ n: count() }).from(accounts))[0]!.n;
    expect(await signUp({ ...form, email: "DUP@example.com" })).toEqual({
      status: "invalid",
      fieldErrors: { email: "That email already has a Leadport login. Sign in instead." },
    });
    expect((await getDb().select({ n: count() }).from(accounts))[0]!.n).toBe(before);
  });

  it("checks every field", async () => {
    env.SIGNUP = "open";
    const result = await signUp({ ...form, name: "", email: "x", accountName: "", password: "aaaaaaaaaa", confirmPassword: "b" });
    expect(result.status === "invalid" && Object.keys(result.fieldErrors).sort()).toEqual(["accountName", "confirmPassword", "email", "name", "password"]);
  });
});
