import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountHolders, accountLinks, auditEvents, sessions } from "@/db/schema";
import { findUsableLink } from "@/lib/accounts/links";
import { newId } from "@/lib/ids";
import { getSessionHolder } from "@/lib/auth/queries";
import { captureMailForTests } from "@/lib/mail/send";
import { invitePerson, revokeInvitation } from "@/lib/people/invitations";
import { changeRole, makeResetLink, removePerson } from "@/lib/people/manage";
import { listPendingInvitations, listPeopleByAccount } from "@/lib/people/queries";
import { actorFor, openSession, teamAccount } from "../helpers/people";

type Team = Awaited<ReturnType<typeof teamAccount>>;
let team: Team;
let other: Team;

beforeAll(async () => {
  team = await teamAccount("acme");
  other = await teamAccount("other");
});

afterEach(() => {
  captureMailForTests(false);
});

const tokenOf = (url: string) => url.split("/").pop()!;
const auditOf = (accountId: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));

describe("inviting", () => {
  it("makes a one-time link, stored only as a hash, listed as pending and audited", async () => {
    const result = await invitePerson(team.owner, { email: " New.Viewer@Acme.test ", role: "viewer" });
    expect(result).toMatchObject({ status: "ok", email: "new.viewer@acme.test", role: "viewer", mail: "not_configured" });
    if (result.status !== "ok") return;
    expect(result.url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const link = await findUsableLink(getDb(), "invitation", tokenOf(result.url));
    expect(link).toMatchObject({ accountId: team.accountId, email: "new.viewer@acme.test", role: "viewer", createdBy: team.owner.id });
    expect(JSON.stringify(await getDb().select().from(accountLinks))).not.toContain(tokenOf(result.url));
    expect((result.expiresAt.getTime() - Date.now()) / 3_600_000).toBeCloseTo(7 * 24, 0);
    expect((await listPendingInvitations(team.accountId)).map((i) => i.email)).toContain("new.viewer@acme.test");
    const [entry] = await auditOf(team.accountId, "person.invited");
    expect(entry).toMatchObject({ actorEmail: team.owner.email, targetLabel: "new.viewer@acme.test", details: { role: "viewer" } });
  });

  it("mails the link when mail is configured", async () => {
    const outbox = captureMailForTests();
    const result = await invitePerson(team.admin, { email: "mailed@acme.test", role: "editor" });
    expect(result).toMatchObject({ status: "ok", mail: "sent" });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toBe("mailed@acme.test");
    expect(outbox[0]!.text).toContain(result.status === "ok" ? result.url : "?");
  });

  it("refuses an email that already signs in, in any account, or already has an invitation here", async () => {
    const member = await invitePerson(team.owner, { email: "EDITOR@acme.test", role: "viewer" });
    const elsewhere = await invitePerson(team.owner, { email: other.viewer.email, role: "viewer" });
    const again = await invitePerson(team.owner, { email: "new.viewer@acme.test", role: "admin" });
    expect(member).toMatchObject({ status: "refused", message: expect.stringContaining("already signs in") });
    expect(elsewhere.status).toBe("refused");
    expect(again).toMatchObject({ status: "refused", message: expect.stringContaining("already has an invitation") });
  });

  it("checks the email and the role", async () => {
    expect(await invitePerson(team.owner, { email: "not-an-email", role: "viewer" })).toMatchObject({ status: "invalid", fieldErrors: { email: expect.any(String) } });
    expect(await invitePerson(team.owner, { email: "x@acme.test", role: "king" })).toMatchObject({ status: "invalid", fieldErrors: { role: "Pick a role" } });
  });

  it("lets an admin invite anyone but an owner, and editors and viewers nobody", async () => {
    expect(await invitePerson(team.admin, { email: "boss@acme.test", role: "owner" })).toEqual({ status: "forbidden" });
    expect(await invitePerson(team.owner, { email: "boss@acme.test", role: "owner" })).toMatchObject({ status: "ok" });
    expect(await invitePerson(team.editor, { email: "e@acme.test", role: "viewer" })).toEqual({ status: "forbidden" });
    expect(await invitePerson(team.viewer, { email: "v@acme.test", role: "viewer" })).toEqual({ status: "forbidden" });
  });

  it("revokes an invitation: the link stops working and a new one may be made", async () => {
    const made = await invitePerson(team.owner, { email: "revoked@acme.test", role: "editor" });
    if (made.status !== "ok") throw new Error(made.status);
    const [pending] = (await listPendingInvitations(team.accountId)).filter((i) => i.email === "revoked@acme.test");
    expect(await revokeInvitation(other.owner, pending!.id)).toEqual({ status: "not_found" });
    expect(await revokeInvitation(team.editor, pending!.id)).toEqual({ status: "forbidden" });
    expect(await revokeInvitation(team.owner, pending!.id)).toEqual({ status: "ok" });
    expect(await findUsableLink(getDb(), "invitation", tokenOf(made.url))).toBeNull();
    expect(await revokeInvitation(team.owner, pending!.id)).toEqual({ status: "not_found" });
    expect((await listPendingInvitations(team.accountId)).map((i) => i.email)).not.toContain("revoked@acme.test");
    expect((await auditOf(team.accountId, "person.invitation_revoked")).map((e) => e.targetLabel)).toEqual(["revoked@acme.test"]);
    expect((await invitePerson(team.owner, { email: "revoked@acme.test", role: "editor" })).status).toBe("ok");
  });

  it("does not let an admin revoke an owner's invitation", async () => {
    const [invite] = (await listPendingInvitations(team.accountId)).filter((i) => i.email === "boss@acme.test");
    expect(await revokeInvitation(team.admin, invite!.id)).toEqual({ status: "forbidden" });
  });
});

describe("changing roles and removing people", () => {
  it("a role change ends the person's sessions and is audited with from and to", async () => {
    const person = await team.add("editor", "promoted");
    const session = await openSession(person.id);
    const mine = await openSession(team.owner.id);
    expect(await getSessionHolder(session)).not.toBeNull();
    expect(await changeRole(team.owner, { personId: person.id, role: "admin" })).toEqual({ status: "ok", sessionsEnded: 1 });
    expect(await getSessionHolder(session)).toBeNull();
    expect(await getDb().select().from(sessions).where(eq(sessions.accountHolderId, person.id))).toEqual([]);
    expect(await getSessionHolder(mine)).not.toBeNull();
    const entries = await auditOf(team.accountId, "person.role_changed");
    expect(entries.find((e) => e.targetId === person.id)).toMatchObject({ targetLabel: person.email, details: { from: "editor", to: "admin" } });
  });

  it("removal deletes the person and their sessions, audited with their email", async () => {
    const person = await team.add("viewer", "leaving");
    const session = await openSession(person.id);
    expect(await removePerson(team.admin, person.id)).toEqual({ status: "ok" });
    expect(await getSessionHolder(session)).toBeNull();
    expect(await getDb().select().from(accountHolders).where(eq(accountHolders.id, person.id))).toEqual([]);
    expect((await auditOf(team.accountId, "person.removed")).map((e) => e.targetLabel)).toContain(person.email);
  });

  it("keeps admins away from owners and from making owners", async () => {
    const owner2 = await team.add("owner", "second-owner");
    expect(await changeRole(team.admin, { personId: owner2.id, role: "viewer" })).toEqual({ status: "forbidden" });
    expect(await changeRole(team.admin, { personId: team.editor.id, role: "owner" })).toEqual({ status: "forbidden" });
    expect(await removePerson(team.admin, owner2.id)).toEqual({ status: "forbidden" });
    expect(await makeResetLink(team.admin, owner2.id)).toEqual({ status: "forbidden" });
    expect(await removePerson(team.owner, owner2.id)).toEqual({ status: "ok" });
  });

  it("refuses a role the person already has, and a role that does not exist", async () => {
    expect(await changeRole(team.owner, { personId: team.viewer.id, role: "viewer" })).toMatchObject({ status: "refused" });
    expect(await changeRole(team.owner, { personId: team.viewer.id, role: "root" })).toMatchObject({ status: "invalid" });
  });

  it("re-reads the actor's role: someone demoted a moment ago can no longer manage people", async () => {
    const admin = await team.add("admin", "demoted-admin");
    const staleActor = { ...admin };
    expect((await changeRole(team.owner, { personId: admin.id, role: "viewer" })).status).toBe("ok");
    expect(await removePerson(staleActor, team.viewer.id)).toEqual({ status: "forbidden" });
    expect(await invitePerson(staleActor, { email: "sneaky@acme.test", role: "viewer" })).toEqual({ status: "forbidden" });
  });
});

describe("the last owner", () => {
  it("cannot be demoted or removed, not even by themselves, and is told why", async () => {
    const solo = await teamAccount("solo");
    const demote = await changeRole(solo.owner, { personId: solo.owner.id, role: "admin" });
    const remove = await removePerson(solo.owner, solo.owner.id);
    expect(demote).toEqual({ status: "refused", message: expect.stringContaining("You are the account's last owner") });
    expect(remove).toEqual({ status: "refused", message: expect.stringContaining("You are the account's last owner") });
    expect((await actorFor(solo.owner.id)).role).toBe("owner");
  });

  // Several accounts at once, so the two transactions of a pair really overlap on PostgreSQL.
  it("of two owners demoting each other at once, exactly one succeeds", async () => {
    const pairs = await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const pair = await teamAccount(`pair${n}`);
        return { pair, second: await pair.add("owner", "owner2") };
      }),
    );
    const results = await Promise.all(
      pairs.map(({ pair, second }) =>
        Promise.all([changeRole(pair.owner, { personId: second.id, role: "admin" }), changeRole(second, { personId: pair.owner.id, role: "admin" })]),
      ),
    );
    for (const [i, { pair }] of pairs.entries()) {
      expect(results[i]!.filter((r) => r.status === "ok")).toHaveLength(1);
      expect((await listPeopleByAccount(pair.accountId)).filter((p) => p.role === "owner")).toHaveLength(1);
    }
  });

  it("of two owners removing each other at once, exactly one succeeds", async () => {
    const pair = await teamAccount("pair-remove");
    const second = await pair.add("owner", "owner2");
    const results = await Promise.all([removePerson(pair.owner, second.id), removePerson(second, pair.owner.id)]);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect((await listPeopleByAccount(pair.accountId)).filter((p) => p.role === "owner")).toHaveLength(1);
  });
});

describe("reset links", () => {
  it("makes a one-time link for that person; a newer one replaces it", async () => {
    const first = await makeResetLink(team.admin, team.editor.id);
    const second = await makeResetLink(team.owner, team.editor.id);
    if (first.status !== "ok" || second.status !== "ok") throw new Error("no link");
    expect(second.url).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(await findUsableLink(getDb(), "reset", tokenOf(first.url))).toBeNull();
    expect(await findUsableLink(getDb(), "reset", tokenOf(second.url))).toMatchObject({ accountHolderId: team.editor.id, email: team.editor.email, createdBy: team.owner.id });
    expect((await auditOf(team.accountId, "person.reset_link_made")).map((e) => e.actorEmail)).toEqual([team.admin.email, team.owner.email]);
  });
});

describe("the list of people", () => {
  it("has everyone in the account and no one else, with whether they have chosen a password", async () => {
    const id = newId();
    await getDb().insert(accountHolders).values({ id, accountId: team.accountId, email: "pending@acme.test", role: "viewer" });
    const people = await listPeopleByAccount(team.accountId);
    expect(people.find((p) => p.id === id)).toMatchObject({ isSetUp: false, lastSignInAt: null });
    expect(people.find((p) => p.id === team.owner.id)).toMatchObject({ isSetUp: true, role: "owner" });
    expect(people.map((p) => p.email)).not.toContain(other.owner.email);
    expect(Object.keys(people[0]!)).not.toContain("passwordHash");
  });
});

describe("who may do what", () => {
  it("refuses editors and viewers everything here", async () => {
    for (const actor of [team.editor, team.viewer]) {
      expect(await changeRole(actor, { personId: team.viewer.id, role: "editor" })).toEqual({ status: "forbidden" });
      expect(await removePerson(actor, team.viewer.id)).toEqual({ status: "forbidden" });
      expect(await makeResetLink(actor, team.viewer.id)).toEqual({ status: "forbidden" });
    }
  });

  it("treats another account's people as not found, for owners and admins alike", async () => {
    for (const actor of [other.owner, other.admin]) {
      expect(await changeRole(actor, { personId: team.editor.id, role: "viewer" })).toEqual({ status: "not_found" });
      expect(await removePerson(actor, team.editor.id)).toEqual({ status: "not_found" });
      expect(await makeResetLink(actor, team.editor.id)).toEqual({ status: "not_found" });
    }
    expect((await actorFor(team.editor.id)).role).toBe("editor");
  });
});
