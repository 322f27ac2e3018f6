// Changing someone's role, removing them, and making them a password reset link. Each runs in one
// transaction that holds the owners' row locks (guard.ts), so the last-owner rule holds under races.
// A role change or removal ends the person's sessions in the same transaction: it takes effect on
// their very next request.
import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accountHolders, accountLinks, type HolderRole } from "@/db/schema";
import { createLink, linkUrl } from "@/lib/accounts/links";
import { recordAudit } from "@/lib/audit/record";
import { can, mayChangeRole, mayManage, ROLE_LABELS } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { FORBIDDEN, NOT_FOUND, type Actor, type Forbidden, type Invalid, type NotFound, type Refused } from "./actor";
import { inPeopleTransaction } from "./guard";
import { deleteSessionsOf, getPersonInAccount } from "./queries";
import { roleSchema } from "./validation";

type Person = { id: string; email: string; role: HolderRole };

// Why a change that leaves no owner is refused, worded for whoever asked.
function lastOwner(actor: Actor, person: Person, owners: string[], doing: "remove" | "demote"): Refused | null {
  if (person.role !== "owner" || owners.some((id) => id !== person.id)) return null;
  const who = person.id === actor.id ? "You are" : `${person.email} is`;
  const verb = doing === "remove" ? "removed" : "given another role";
  return { status: "refused", message: `${who} the account's last owner and cannot be ${verb}. Make someone else an owner first.` };
}

export type ChangeRoleResult = { status: "ok"; sessionsEnded: number } | Forbidden | NotFound | Refused | Invalid<"role">;

export async function changeRole(actor: Actor, input: { personId: string; role: unknown }): Promise<ChangeRoleResult> {
  if (!can(actor.role, "people:manage")) return FORBIDDEN;
  const role = roleSchema.safeParse(input.role);
  if (!role.success) return { status: "invalid", fieldErrors: { role: "Pick a role" } };
  const to = role.data;
  const result = await inPeopleTransaction(actor, async ({ tx, owners, actorRole }): Promise<ChangeRoleResult> => {
    const person = await getPersonInAccount(tx, actor.accountId, input.personId);
    if (!person) return NOT_FOUND;
    if (!mayChangeRole(actorRole, person.role, to)) return FORBIDDEN;
    if (person.role === to) return { status: "refused", message: `${person.email} is already ${article(to)} ${ROLE_LABELS[to]}.` };
    const refusal = lastOwner(actor, person, owners, "demote");
    if (refusal) return refusal;
    await tx.update(accountHolders).set({ role: to, updatedAt: new Date() }).where(eq(accountHolders.id, person.id));
    const sessionsEnded = await deleteSessionsOf(tx, person.id);
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "person.role_changed",
      target: { type: "person", id: person.id, label: person.email },
      details: { from: person.role, to },
    });
    return { status: "ok", sessionsEnded };
  });
  return result ?? FORBIDDEN;
}

const article = (role: HolderRole) => (role === "owner" || role === "admin" || role === "editor" ? "an" : "a");

export type RemoveResult = { status: "ok" } | Forbidden | NotFound | Refused;

// Deleting the person's row ends their sessions (the foreign key cascades) and their unused reset links.
export async function removePerson(actor: Actor, personId: string): Promise<RemoveResult> {
  if (!can(actor.role, "people:manage")) return FORBIDDEN;
  const result = await inPeopleTransaction(actor, async ({ tx, owners, actorRole }): Promise<RemoveResult> => {
    const person = await getPersonInAccount(tx, actor.accountId, personId);
    if (!person) return NOT_FOUND;
    if (!mayManage(actorRole, person.role)) return FORBIDDEN;
    const refusal = lastOwner(actor, person, owners, "remove");
    if (refusal) return refusal;
    await tx.delete(accountHolders).where(and(eq(accountHolders.id, person.id), eq(accountHolders.accountId, actor.accountId)));
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "person.removed",
      target: { type: "person", id: person.id, label: person.email },
      details: { role: person.role },
    });
    return { status: "ok" };
  });
  return result ?? FORBIDDEN;
}

export type ResetLinkResult = { status: "ok"; email: string; url: string; expiresAt: Date } | Forbidden | NotFound;

// A new reset link replaces any earlier unused one for the same person, so only the latest works.
export async function makeResetLink(actor: Actor, personId: string): Promise<ResetLinkResult> {
  if (!can(actor.role, "people:manage")) return FORBIDDEN;
  const result = await inPeopleTransaction(actor, async ({ tx, actorRole }): Promise<ResetLinkResult> => {
    const person = await getPersonInAccount(tx, actor.accountId, personId);
    if (!person) return NOT_FOUND;
    if (!mayManage(actorRole, person.role)) return FORBIDDEN;
    const now = new Date();
    await tx
      .update(accountLinks)
      .set({ revokedAt: now })
      .where(and(eq(accountLinks.accountHolderId, person.id), eq(accountLinks.kind, "reset"), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt), gt(accountLinks.expiresAt, now)));
    const link = await createLink(tx, { accountId: actor.accountId, kind: "reset", email: person.email, accountHolderId: person.id, createdBy: actor.id, now });
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "person.reset_link_made",
      target: { type: "person", id: person.id, label: person.email },
    });
    return { status: "ok", email: person.email, url: linkUrl(env.APP_URL, "reset", link.token), expiresAt: link.expiresAt };
  });
  return result ?? FORBIDDEN;
}
