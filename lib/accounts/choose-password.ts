// Setup and reset links: the person the link names chooses a password and is signed in. Both claim
// the link in the same transaction as the new password, so a link works exactly once even when two
// requests race (the loser's claim matches no row and everything rolls back).
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { accountHolders, sessions } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { claimLink, findUsableLink } from "./links";
import { openSession, type SessionClient } from "./open-session";
import { choosePasswordSchema, fieldErrorsOf, type Invalid, type LinkGone, type SignedIn } from "./results";
import { inTransaction } from "./transaction";

export type ChoosePasswordInput = { token: string; password: string; confirmPassword: string; client: SessionClient; now?: Date };
export type ChoosePasswordResult = SignedIn | Invalid | LinkGone;

/** The owner made by account:create chooses their first password. */
export function completeSetup(input: ChoosePasswordInput): Promise<ChoosePasswordResult> {
  return choosePassword("setup", input);
}

/** A reset link: a new password, and every session the person had ends (a thief's included). */
export function resetPassword(input: ChoosePasswordInput): Promise<ChoosePasswordResult> {
  return choosePassword("reset", input);
}

async function choosePassword(kind: "setup" | "reset", input: ChoosePasswordInput): Promise<ChoosePasswordResult> {
  const db = getDb();
  const now = input.now ?? new Date();
  // Checked before hashing so a dead link costs no scrypt; checked again, for good, by the claim.
  if (!(await findUsableLink(db, kind, input.token, now))) return { status: "gone" };
  const parsed = choosePasswordSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  return inTransaction<ChoosePasswordResult>(db, async (tx) => {
    const link = await findUsableLink(tx, kind, input.token, now);
    if (!link?.accountHolderId || !(await claimLink(tx, link.id, now))) return { status: "gone" };
    const holder = await setPasswordHash(tx, link.accountHolderId, passwordHash);
    if (!holder) return { status: "gone" };
    if (kind === "reset") await tx.delete(sessions).where(eq(sessions.accountHolderId, holder.id));
    return { status: "ok", email: holder.email, session: await openSession(tx, holder.id, input.client, now) };
  });
}

async function setPasswordHash(tx: Db, holderId: string, passwordHash: string) {
  const [row] = await tx
    .update(accountHolders)
    .set({ passwordHash, updatedAt: new Date() })
    .where(eq(accountHolders.id, holderId))
    .returning({ id: accountHolders.id, email: accountHolders.email });
  return row ?? null;
}
