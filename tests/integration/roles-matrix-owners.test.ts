// The owner rules the role × action matrix leaves out (its people rows target a viewer): an admin
// may not change, remove or reset an owner, make anyone an owner, or invite one; another account's
// owner is told our people and invitations are not there. Every refusal changes nothing.
import { actAs } from "../helpers/as-person";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { refusal } from "@/app/(account)/settings/action-helpers";
import * as people from "@/app/(account)/settings/people/actions";
import { getDb } from "@/db";
import { accountHolders, accountLinks, auditEvents } from "@/db/schema";
import { createLink } from "@/lib/accounts/links";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { addPerson } from "../helpers/accounts";
import { createMatrixFixture, type MatrixFixture } from "../helpers/role-matrix";

let f: MatrixFixture;
let coOwner: string;
let viewer: string;
let invitationId: string;
beforeAll(async () => {
  f = await createMatrixFixture("owner-rules");
  // A second owner, so the last-owner rule never answers in place of the owner rules.
  coOwner = (await addPerson({ accountId: f.a.accountId, email: "owner-rules-co@example.com", password: "co-owner-password", role: "owner" })).id;
  viewer = (await addPerson({ accountId: f.a.accountId, email: "owner-rules-target@example.com", password: "target-password-1", role: "viewer" })).id;
  invitationId = (await createLink(getDb(), { accountId: f.a.accountId, kind: "invitation", email: "owner-rules-pending@example.com", role: "viewer", createdBy: f.a.holderId })).id;
});

const idle = { status: "idle" } as const;
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};
const forbidden = { status: "error", message: FORBIDDEN_MESSAGE };

/** Everything a refused call could have changed in account A. */
async function snapshot() {
  const db = getDb();
  return {
    people: await db.select({ id: accountHolders.id, role: accountHolders.role }).from(accountHolders).where(eq(accountHolders.accountId, f.a.accountId)).orderBy(accountHolders.id),
    links: await db.select({ id: accountLinks.id, revokedAt: accountLinks.revokedAt }).from(accountLinks).where(eq(accountLinks.accountId, f.a.accountId)).orderBy(accountLinks.id),
    audit: (await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.accountId, f.a.accountId))).length,
  };
}

describe("owner rules on the People actions", () => {
  it("refuse an admin who changes, removes or resets an owner, makes an owner, or invites one", async () => {
    const before = await snapshot();
    actAs(f.sessions.admin);
    expect(await people.changeRoleAction(idle, form({ personId: coOwner, role: "viewer" }))).toEqual(forbidden);
    expect(await people.changeRoleAction(idle, form({ personId: viewer, role: "owner" }))).toEqual(forbidden);
    expect(await people.removePersonAction(idle, form({ personId: coOwner }))).toEqual(forbidden);
    expect(await people.makeResetLinkAction(idle, form({ personId: coOwner }))).toEqual(forbidden);
    expect(await people.invitePersonAction(idle, form({ email: "owner-rules-new-owner@example.com", role: "owner" }))).toEqual(forbidden);
    expect(await snapshot()).toEqual(before);
  });

  it("let an owner do the same to another owner (the refusal is the admin's)", async () => {
    actAs(f.sessions.owner);
    expect(await people.makeResetLinkAction(idle, form({ personId: coOwner }))).toMatchObject({ status: "made", email: "owner-rules-co@example.com" });
    const links = await getDb().select().from(accountLinks).where(and(eq(accountLinks.accountHolderId, coOwner), eq(accountLinks.kind, "reset")));
    expect(links).toHaveLength(1);
  });

  it("answer another account's owner as if our people and invitations did not exist", async () => {
    const before = await snapshot();
    const gone = refusal({ status: "not_found" });
    expect(gone.message).not.toBe(FORBIDDEN_MESSAGE);
    actAs(f.sessions["other-owner"]);
    expect(await people.changeRoleAction(idle, form({ personId: viewer, role: "editor" }))).toEqual(gone);
    expect(await people.changeRoleAction(idle, form({ personId: f.a.holderId, role: "viewer" }))).toEqual(gone);
    expect(await people.removePersonAction(idle, form({ personId: viewer }))).toEqual(gone);
    expect(await people.removePersonAction(idle, form({ personId: f.a.holderId }))).toEqual(gone);
    expect(await people.makeResetLinkAction(idle, form({ personId: viewer }))).toEqual(gone);
    expect(await people.revokeInvitationAction(idle, form({ invitationId }))).toEqual(gone);
    expect(await snapshot()).toEqual(before);
  });
});
