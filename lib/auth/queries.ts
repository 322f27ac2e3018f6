import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, accounts, sessions } from "@/db/schema";

export async function getAccountHolderByEmail(email: string) {
  const [row] = await getDb()
    .select({ id: accountHolders.id, accountId: accountHolders.accountId, passwordHash: accountHolders.passwordHash })
    .from(accountHolders)
    .where(eq(accountHolders.email, email));
  return row ?? null;
}

export async function insertSession(values: { tokenHash: string; accountHolderId: string; expiresAt: Date }) {
  await getDb().insert(sessions).values(values);
}

// The signed-in holder for a session token hash, or null when unknown or expired.
export async function getSessionHolder(tokenHash: string) {
  const [row] = await getDb()
    .select({
      holderId: accountHolders.id,
      email: accountHolders.email,
      name: accountHolders.name,
      role: accountHolders.role,
      accountId: accounts.id,
      accountName: accounts.name,
      timeZone: accounts.timeZone,
    })
    .from(sessions)
    .innerJoin(accountHolders, eq(accountHolders.id, sessions.accountHolderId))
    .innerJoin(accounts, eq(accounts.id, accountHolders.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  return row ?? null;
}

export async function deleteSession(tokenHash: string) {
  await getDb().delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
