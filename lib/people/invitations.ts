// Inviting people by email, and taking an invitation back. The link is in the reply once (only its
// hash is stored); with SMTP_URL set it is mailed too, after the transaction commits.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { accountLinks, accounts, type HolderRole } from "@/db/schema";
import { createLink, linkUrl } from "@/lib/accounts/links";
import { recordAudit } from "@/lib/audit/record";
import { can, mayManage, ROLE_LABELS } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { mailConfigured, sendMail, type MailResult } from "@/lib/mail/send";
import { FORBIDDEN, NOT_FOUND, type Actor, type Forbidden, type Invalid, type NotFound, type Refused } from "./actor";
import { inPeopleTransaction } from "./guard";
import { emailHasHolder, getPendingInvitation, hasPendingInvitation } from "./queries";
import { fieldErrorsOf, inviteSchema } from "./validation";

export type InviteResult =
  | { status: "ok"; email: string; role: HolderRole; url: string; expiresAt: Date; mail: MailResult }
  | Forbidden
  | Invalid<"email" | "role">
  | Refused;

export async function invitePerson(actor: Actor, input: { email: unknown; role: unknown }): Promise<InviteResult> {
  if (!can(actor.role, "people:manage")) return FORBIDDEN;
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, role } = parsed.data;
  const made = await inPeopleTransaction(actor, async ({ tx, actorRole }) => {
    // Admins may invite anyone but an owner.
    if (!mayManage(actorRole, role)) return FORBIDDEN;
    if (await emailHasHolder(tx, email)) return refused(`${email} already signs in to Leadport, so they cannot be invited again.`);
    if (await hasPendingInvitation(tx, actor.accountId, email)) return refused(`${email} already has an invitation waiting. Revoke it first to make a new one.`);
    const link = await createLink(tx, { accountId: actor.accountId, kind: "invitation", email, role, createdBy: actor.id });
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "person.invited",
      target: { type: "invitation", id: link.id, label: email },
      details: { role },
    });
    const [account] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, actor.accountId));
    return { status: "ok" as const, link, accountName: account?.name ?? "" };
  });
  if (!made) return FORBIDDEN;
  if (made.status !== "ok") return made;
  const url = linkUrl(env.APP_URL, "invitation", made.link.token);
  const mail = mailConfigured() ? await sendMail(invitationMail({ to: email, role, url, from: actor.email, accountName: made.accountName })) : "not_configured";
  return { status: "ok", email, role, url, expiresAt: made.link.expiresAt, mail };
}

const refused = (message: string): Refused => ({ status: "refused", message });

function invitationMail(m: { to: string; role: HolderRole; url: string; from: string; accountName: string }) {
  return {
    to: m.to,
    subject: `You are invited to ${m.accountName} on Leadport`,
    text: [
      `${m.from} invited you to join ${m.accountName} on Leadport as ${ROLE_LABELS[m.role]}.`,
      "",
      "Open this link to choose your password. It works once and expires in 7 days:",
      m.url,
      "",
      "If you did not expect this, ignore this mail.",
    ].join("\n"),
  };
}

export type RevokeResult = { status: "ok" } | Forbidden | NotFound;

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<RevokeResult> {
  if (!can(actor.role, "people:manage")) return FORBIDDEN;
  const result = await inPeopleTransaction(actor, async ({ tx, actorRole }): Promise<RevokeResult> => {
    const invitation = await getPendingInvitation(tx, actor.accountId, invitationId);
    if (!invitation) return NOT_FOUND;
    if (!mayManage(actorRole, invitation.role ?? "viewer")) return FORBIDDEN;
    const revoked = await tx
      .update(accountLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(accountLinks.id, invitation.id), isNull(accountLinks.revokedAt), isNull(accountLinks.usedAt)))
      .returning({ id: accountLinks.id });
    if (revoked.length === 0) return NOT_FOUND;
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "person.invitation_revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      details: { role: invitation.role },
    });
    return { status: "ok" };
  });
  return result ?? FORBIDDEN;
}
