// An invitation link: the person invited (the address is the invitation's, not theirs to change)
// chooses a name and password and joins the inviting account with the role they were invited as.
import { z } from "zod";
import { getDb } from "@/db";
import { accountHolders } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";
import { emailInUse } from "./create-account";
import { claimLink, findUsableLink } from "./links";
import { openSession, type SessionClient } from "./open-session";
import { fieldErrorsOf, newPasswordFields, withMatchingPasswords, type Invalid, type LinkGone, type Refused, type SignedIn } from "./results";
import { inTransaction, isUniqueViolation } from "./transaction";
import { personNameSchema } from "./validations";

export type AcceptInvitationInput = {
  token: string;
  name: string;
  password: string;
  confirmPassword: string;
  client: SessionClient;
  now?: Date;
};
export type AcceptInvitationResult = SignedIn | Invalid | LinkGone | Refused;

const acceptSchema = withMatchingPasswords(z.object({ name: personNameSchema, ...newPasswordFields }));

export function emailTakenMessage(email: string): string {
  return `${email} already signs in to Leadport, so this invitation cannot add it again. Sign in with that address, or ask whoever invited you to invite another one.`;
}

export async function acceptInvitation(input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
  const db = getDb();
  const now = input.now ?? new Date();
  const invitation = await findUsableLink(db, "invitation", input.token, now);
  if (!invitation) return { status: "gone" };
  const parsed = acceptSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await inTransaction<AcceptInvitationResult>(db, async (tx) => {
      const link = await findUsableLink(tx, "invitation", input.token, now);
      if (!link || !(await claimLink(tx, link.id, now))) return { status: "gone" };
      if (await emailInUse(tx, link.email)) return { status: "error", message: emailTakenMessage(link.email) };
      const holderId = newId();
      const role = link.role ?? "viewer";
      const email = link.email.trim().toLowerCase();
      await tx.insert(accountHolders).values({ id: holderId, accountId: link.accountId, email, name: parsed.data.name, role, passwordHash });
      await recordAudit(tx, {
        accountId: link.accountId,
        actor: { id: holderId, email },
        action: "person.joined",
        target: { type: "person", id: holderId, label: email },
        details: { role, invitationId: link.id, invitedBy: link.createdBy },
      });
      return { status: "ok", email, session: await openSession(tx, holderId, input.client, now) };
    });
  } catch (error) {
    // Someone took the address between our check and our insert.
    if (isUniqueViolation(error)) return { status: "error", message: emailTakenMessage(invitation.email) };
    throw error;
  }
}
