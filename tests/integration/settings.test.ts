import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountHolders, accounts, auditEvents } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { getSessionHolder } from "@/lib/auth/queries";
import { verifyPassword } from "@/lib/auth/password";
import { changePassword, listYourSessions, renameSelf, signOutOtherSessions } from "@/lib/people/your-account";
import { getAccountSettings, updateAccountSettings } from "@/lib/settings/account-settings";
import { openSession, PASSWORD, teamAccount } from "../helpers/people";

type Team = Awaited<ReturnType<typeof teamAccount>>;
let team: Team;
let other: Team;

beforeAll(async () => {
  team = await teamAccount("settings");
  other = await teamAccount("elsewhere");
});

const hashOf = async (id: string) => (await getDb().select({ h: accountHolders.passwordHash }).from(accountHolders).where(eq(accountHolders.id, id)))[0]!.h!;

describe("your account", () => {
  it("changes your name, trimmed, and refuses an overlong one", async () => {
    expect(await renameSelf(team.viewer, { name: "  Vera Viewer " })).toEqual({ status: "ok", name: "Vera Viewer" });
    expect(await renameSelf(team.viewer, { name: "x".repeat(121) })).toMatchObject({ status: "invalid", fieldErrors: { name: expect.any(String) } });
    const [row] = await getDb().select({ name: accountHolders.name }).from(accountHolders).where(eq(accountHolders.id, team.viewer.id));
    expect(row!.name).toBe("Vera Viewer");
  });

  it("needs the right current password and a new one that passes the rules", async () => {
    const here = await openSession(team.editor.id);
    const wrong = await changePassword(team.editor, { current: "not my password", next: "a brand new secret", confirm: "a brand new secret", currentSession: here });
    const short = await changePassword(team.editor, { current: PASSWORD, next: "short", confirm: "short", currentSession: here });
    const differs = await changePassword(team.editor, { current: PASSWORD, next: "a brand new secret", confirm: "a brand new secreT", currentSession: here });
    expect(wrong).toEqual({ status: "invalid", fieldErrors: { current: "That is not your current password" } });
    expect(short).toMatchObject({ status: "invalid", fieldErrors: { next: expect.stringContaining("at least 10") } });
    expect(differs).toMatchObject({ status: "invalid", fieldErrors: { confirm: expect.any(String) } });
    expect(await verifyPassword(PASSWORD, await hashOf(team.editor.id))).toBe(true);
  });

  it("a password change ends every other session and keeps this one", async () => {
    const here = await openSession(team.editor.id, "this browser");
    const phone = await openSession(team.editor.id, "phone");
    const laptop = await openSession(team.editor.id, "laptop");
    const result = await changePassword(team.editor, { current: PASSWORD, next: "a brand new secret", confirm: "a brand new secret", currentSession: here });
    expect(result).toMatchObject({ status: "ok" });
    expect(await getSessionHolder(here)).not.toBeNull();
    expect(await getSessionHolder(phone)).toBeNull();
    expect(await getSessionHolder(laptop)).toBeNull();
    expect(await verifyPassword("a brand new secret", await hashOf(team.editor.id))).toBe(true);
    expect(await verifyPassword(PASSWORD, await hashOf(team.editor.id))).toBe(false);
  });

  it("lists your sessions, marks this one, and signs out of the others only", async () => {
    const here = await openSession(team.admin.id, "Firefox");
    const there = await openSession(team.admin.id, "Safari");
    const theirs = await openSession(team.owner.id, "Owner's browser");
    const listed = await listYourSessions(team.admin, here);
    expect(listed.map((s) => [s.userAgent, s.current])).toEqual([
      ["Firefox", true],
      ["Safari", false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(here);
    expect(await signOutOtherSessions(team.admin, here)).toEqual({ status: "ok", sessionsEnded: 1 });
    expect(await getSessionHolder(here)).not.toBeNull();
    expect(await getSessionHolder(there)).toBeNull();
    expect(await getSessionHolder(theirs)).not.toBeNull();
  });
});

describe("account settings", () => {
  it("lets owners and admins change the name and time zone, audited with old and new", async () => {
    expect(await updateAccountSettings(team.owner, { name: "Acme Leads", timeZone: "Europe/Berlin" })).toEqual({ status: "ok", changed: true });
    expect(await getAccountSettings(team.accountId)).toEqual({ name: "Acme Leads", timeZone: "Europe/Berlin" });
    expect(await updateAccountSettings(team.admin, { name: "Acme Leads", timeZone: "America/New_York" })).toEqual({ status: "ok", changed: true });
    const entries = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, team.accountId), eq(auditEvents.action, "account.settings_changed")));
    expect(entries.map((e) => e.details)).toEqual([
      { from: { name: `Account ${team.owner.email}`, timeZone: "America/Chicago" }, to: { name: "Acme Leads", timeZone: "Europe/Berlin" } },
      { from: { timeZone: "Europe/Berlin" }, to: { timeZone: "America/New_York" } },
    ]);
  });

  it("writes nothing when nothing changed", async () => {
    const before = await getDb().select().from(auditEvents).where(eq(auditEvents.accountId, team.accountId));
    expect(await updateAccountSettings(team.owner, { name: " Acme Leads ", timeZone: "America/New_York" })).toEqual({ status: "ok", changed: false });
    expect(await getDb().select().from(auditEvents).where(eq(auditEvents.accountId, team.accountId))).toHaveLength(before.length);
  });

  it("refuses an unknown time zone and an empty name", async () => {
    const result = await updateAccountSettings(team.owner, { name: " ", timeZone: "Mars/Base" });
    expect(result).toEqual({ status: "invalid", fieldErrors: { name: "Give the account a name", timeZone: "Pick a time zone from the list" } });
    expect(await updateAccountSettings(team.owner, { name: 42, timeZone: null })).toMatchObject({ status: "invalid" });
  });

  it("refuses editors and viewers, and touches only the actor's own account", async () => {
    expect(await updateAccountSettings(team.editor, { name: "Hijacked", timeZone: "UTC" })).toEqual({ status: "forbidden" });
    expect(await updateAccountSettings(team.viewer, { name: "Hijacked", timeZone: "UTC" })).toEqual({ status: "forbidden" });
    await updateAccountSettings(other.owner, { name: "Other place", timeZone: "UTC" });
    const [row] = await getDb().select({ name: accounts.name }).from(accounts).where(eq(accounts.id, team.accountId));
    expect(row!.name).toBe("Acme Leads");
  });
});

describe("the audit log", () => {
  it("lists the account's entries newest first, 50 a page, with Older and Newer cursors", async () => {
    const log = await teamAccount("audited");
    for (let i = 1; i <= 55; i++) {
      await recordAudit(getDb(), { accountId: log.accountId, actor: log.owner, action: "flow.saved", target: { type: "flow", id: "f", label: `save ${i}` }, details: { version: i } });
    }
    await recordAudit(getDb(), { accountId: other.accountId, actor: other.owner, action: "flow.saved", target: { type: "flow", id: "f", label: "not theirs" } });
    const first = await listAuditEvents(log.admin);
    if (first.status !== "ok") throw new Error(first.status);
    expect(first.events).toHaveLength(50);
    expect(first.events[0]!.targetLabel).toBe("save 55");
    expect(first.events[49]!.targetLabel).toBe("save 6");
    expect(first.newer).toBeNull();
    const older = await listAuditEvents(log.owner, { before: first.older! });
    if (older.status !== "ok") throw new Error(older.status);
    expect(older.events.map((e) => e.targetLabel)).toEqual(["save 5", "save 4", "save 3", "save 2", "save 1"]);
    expect(older.older).toBeNull();
    const back = await listAuditEvents(log.owner, { after: older.newer! });
    if (back.status !== "ok") throw new Error(back.status);
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(back.newer).toBeNull();
    expect(back.older).toBe(first.older);
  });

  it("shows middle pages with both cursors and never another account's entries", async () => {
    for (const label of ["a", "b", "c", "d"]) {
      await recordAudit(getDb(), { accountId: team.accountId, actor: team.owner, action: "flow.created", target: { type: "flow", id: label, label } });
    }
    const page = await listAuditEvents(team.owner, { pageSize: 2 });
    if (page.status !== "ok") throw new Error(page.status);
    const middle = await listAuditEvents(team.owner, { pageSize: 2, before: page.older! });
    if (middle.status !== "ok") throw new Error(middle.status);
    expect(middle.older).not.toBeNull();
    expect(middle.newer).toBe(middle.events[0]!.id);
    const everything = await listAuditEvents(team.owner, { pageSize: 1000 });
    if (everything.status !== "ok") throw new Error(everything.status);
    expect(everything.events.map((e) => e.targetLabel)).not.toContain("not theirs");
    expect(everything.events.map((e) => e.id)).toEqual([...everything.events.map((e) => e.id)].sort((a, b) => b - a));
  });

  it("is for owners and admins only", async () => {
    expect(await listAuditEvents(team.editor)).toEqual({ status: "forbidden" });
    expect(await listAuditEvents(team.viewer)).toEqual({ status: "forbidden" });
  });
});
