// Signs a person in from the account pages (setup, invitation, reset, sign-up): a session row
// written in the same transaction as the change that lets them in, so a link is never used up
// without a session, nor a session opened for a change that rolled back. (lib/auth's insertSession
// writes outside any transaction, for the login form.)
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountHolders, sessions } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto";
import { env } from "@/lib/env";

/** Where a sign-in came from, shown on Your account so a person can tell their sessions apart. */
export type SessionClient = { userAgent: string; address: string };

export async function openSession(tx: Db, holderId: string, client: SessionClient, now = new Date()) {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + env.SESSION_DAYS * 86_400_000);
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    accountHolderId: holderId,
    expiresAt,
    userAgent: client.userAgent.slice(0, 400),
    clientAddress: client.address.slice(0, 100),
  });
  await tx.update(accountHolders).set({ lastSignInAt: now }).where(eq(accountHolders.id, holderId));
  return { token, expiresAt };
}
