import "server-only";
import { and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { getDb } from "@/db";
import { accountHolders, accountLinks, sessions } from "@/db/schema";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Reader = Pick<Db, "select">;

// Everyone in the account for Settings → People. No password hash leaves here, only whether one is set.
export async function listPeopleByAccount(accountId: string) {
  return getDb()
    .select({
      id: accountHolders.id,
      name: accountHolders.name,
      email: accountHolders.email,
      role: accountHolders.role,
      lastSignInAt: accountHolders.lastSignInAt,
      isSetUp: sql<boolean>`${accountHolders.passwordHash} is not null`,
    })
    .from(accountHolders)
    .where(eq(accountHolders.accountId, accountId))
    .orderBy(asc(accountHolders.createdAt), asc(accountHolders.id));
}

const pendingInvitation = (accountId: string, now: Date) =>
  and(
    eq(accountLinks.accountId, accountId),
    eq(accountLinks.kind, "invitation"),
    isNull(accountLinks.usedAt),
    isNull(accountLinks.revokedAt),
    gt(accountLinks.expiresAt, now),
  );

export async function listPendingInvitations(accountId: string, now = new Date()) {
  return getDb()
    .select({ id: accountLinks.id, email: accountLinks.email, role: accountLinks.role, expiresAt: accountLinks.expiresAt, createdAt: accountLinks.createdAt })
    .from(accountLinks)
    .where(pendingInvitation(accountId, now))
    .orderBy(asc(accountLinks.createdAt), asc(accountLinks.id));
}

export async function getPendingInvitation(db: Reader, accountId: string, linkId: string, now = new Date()) {
  const [row] = await db
    .select({ id: accountLinks.id, email: accountLinks.email, role: accountLinks.role })
    .from(accountLinks)
    .where(and(eq(accountLinks.id, linkId), pendingInvitation(accountId, now)));
  return row ?? null;
}

/** Whether anybody, in any account, signs in with this email (emails are unique across Leadport). */
export async function emailHasHolder(db: Reader, email: string): Promise<boolean> {
  const [row] = await db.select({ id: accountHolders.id }).from(accountHolders).where(eq(accountHolders.email, email));
  return Boolean(row);
}

export async function hasPendingInvitation(db: Reader, accountId: string, email: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: accountLinks.id })
    .from(accountLinks)
    .where(and(pendingInvitation(accountId, now), eq(accountLinks.email, email)));
  return Boolean(row);
}

/**
 * Locks the account's owner rows for the rest of the transaction and returns their ids. Every change
 * to people takes this lock first, so the last-owner check and the change it allows cannot interleave
 * with another change (two owners demoting each other at once: the second sees one owner left).
 */
export async function lockOwners(tx: Tx, accountId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: accountHolders.id })
    .from(accountHolders)
    .where(and(eq(accountHolders.accountId, accountId), eq(accountHolders.role, "owner")))
    .orderBy(asc(accountHolders.id))
    .for("update");
  return rows.map((r) => r.id);
}

/** A person of this account, or null (unknown and other accounts' ids look the same). */
export async function getPersonInAccount(db: Reader, accountId: string, personId: string) {
  const [row] = await db
    .select({ id: accountHolders.id, email: accountHolders.email, name: accountHolders.name, role: accountHolders.role, passwordHash: accountHolders.passwordHash })
    .from(accountHolders)
    .where(and(eq(accountHolders.id, personId), eq(accountHolders.accountId, accountId)));
  return row ?? null;
}

/** Ends a person's sessions; with `except`, all but that one (the session making the request). */
export async function deleteSessionsOf(db: Pick<Db, "delete">, personId: string, except?: string): Promise<number> {
  const where = except !== undefined ? and(eq(sessions.accountHolderId, personId), ne(sessions.tokenHash, except)) : eq(sessions.accountHolderId, personId);
  const rows = await db.delete(sessions).where(where).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function listSessionsOf(personId: string, now = new Date()) {
  return getDb()
    .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, clientAddress: sessions.clientAddress })
    .from(sessions)
    .where(and(eq(sessions.accountHolderId, personId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}
