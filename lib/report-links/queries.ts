import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { accounts, reportLinks } from "@/db/schema";

const linkColumns = { id: reportLinks.id, name: reportLinks.name, tokenNonce: reportLinks.tokenNonce, scope: reportLinks.scope, createdAt: reportLinks.createdAt, updatedAt: reportLinks.updatedAt };

// Writes take the transaction of the change, so its audit entry commits with it.
export async function insertReportLink(db: Db, values: { id: string; accountId: string; name: string; tokenNonce: string; tokenHash: string; scope: unknown }) {
  await db.insert(reportLinks).values(values);
}

export async function listActiveReportLinks(accountId: string) {
  return getDb()
    .select(linkColumns)
    .from(reportLinks)
    .where(and(eq(reportLinks.accountId, accountId), isNull(reportLinks.revokedAt)))
    .orderBy(desc(reportLinks.createdAt));
}

export async function getActiveReportLink(accountId: string, linkId: string) {
  const [row] = await getDb()
    .select(linkColumns)
    .from(reportLinks)
    .where(and(eq(reportLinks.id, linkId), eq(reportLinks.accountId, accountId), isNull(reportLinks.revokedAt)));
  return row ?? null;
}

// The live link behind a token hash, with its account's name and time zone; null once changed or stopped.
export async function getActiveReportLinkByTokenHash(tokenHash: string) {
  const [row] = await getDb()
    .select({ ...linkColumns, accountId: reportLinks.accountId, accountName: accounts.name, timeZone: accounts.timeZone })
    .from(reportLinks)
    .innerJoin(accounts, eq(accounts.id, reportLinks.accountId))
    .where(and(eq(reportLinks.tokenHash, tokenHash), isNull(reportLinks.revokedAt)));
  return row ?? null;
}

// Each change names the account and a live link: another account's link id changes nothing.
// The link's name when it was changed, or null when it is not a live link of this account.
export async function updateReportLink(
  db: Db,
  accountId: string,
  linkId: string,
  values: { tokenNonce?: string; tokenHash?: string; scope?: unknown; name?: string; revokedAt?: Date },
): Promise<{ name: string } | null> {
  const [row] = await db
    .update(reportLinks)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(reportLinks.id, linkId), eq(reportLinks.accountId, accountId), isNull(reportLinks.revokedAt)))
    .returning({ name: reportLinks.name });
  return row ?? null;
}
