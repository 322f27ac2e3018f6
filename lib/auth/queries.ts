import "server-only";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, accounts, loginAttempts, sessions } from "@/db/schema";

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

export async function countRecentFailures(keys: string[], since: Date): Promise<number> {
  let worst = 0;
  for (const key of keys) {
    const [row] = await getDb()
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
    worst = Math.max(worst, Number(row?.n ?? 0));
  }
  return worst;
}

export async function recordFailures(keys: string[]) {
  await getDb()
    .insert(loginAttempts)
    .values(keys.map((key) => ({ key })));
}

export async function clearFailures(key: string, olderThan: Date) {
  await getDb().delete(loginAttempts).where(eq(loginAttempts.key, key));
  await getDb().delete(loginAttempts).where(lt(loginAttempts.attemptedAt, olderThan));
}
