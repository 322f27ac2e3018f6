// One-time links (setup, invitation, password reset): a 256-bit random token goes to the person,
// only its SHA-256 to the database. A link is usable until it is used, revoked or expires.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountLinks, type AccountLinkKind, type HolderRole } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto";
import { newId } from "@/lib/ids";

export const LINK_LIFETIME_HOURS: Record<AccountLinkKind, number> = { setup: 24, invitation: 7 * 24, reset: 24 };

/** The URL path a link's token opens. */
export const LINK_PATHS: Record<AccountLinkKind, string> = { setup: "/setup", invitation: "/invite", reset: "/reset" };

export type NewLink = {
  accountId: string;
  kind: AccountLinkKind;
  email: string;
  role?: HolderRole;
  accountHolderId?: string;
  createdBy?: string | null;
  now?: Date;
};

type Writer = Pick<Db, "insert">;

export async function createLink(db: Writer, link: NewLink): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const id = newId();
  const now = link.now ?? new Date();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS[link.kind] * 3_600_000);
  await db.insert(accountLinks).values({
    id,
    accountId: link.accountId,
    kind: link.kind,
    tokenHash: sha256(token),
    email: link.email,
    role: link.role ?? null,
    accountHolderId: link.accountHolderId ?? null,
    createdBy: link.createdBy ?? null,
    expiresAt,
  });
  return { id, token, expiresAt };
}

export function linkUrl(appUrl: string, kind: AccountLinkKind, token: string): string {
  return `${appUrl.replace(/\/$/, "")}${LINK_PATHS[kind]}/${token}`;
}

/** The usable link of this kind for a token, or null when unknown, used, revoked or expired. */
export async function findUsableLink(db: Pick<Db, "select">, kind: AccountLinkKind, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(accountLinks)
    .where(
      and(
        eq(accountLinks.tokenHash, sha256(token)),
        eq(accountLinks.kind, kind),
        isNull(accountLinks.usedAt),
        isNull(accountLinks.revokedAt),
        gt(accountLinks.expiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * Marks a link used, inside the caller's transaction. False when another request used it first (or
 * it was revoked or expired meanwhile): the update matches no row, and the caller must roll back.
 */
export async function claimLink(db: Pick<Db, "update">, linkId: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.id, linkId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt), gt(accountLinks.expiresAt, now)))
    .returning({ id: accountLinks.id });
  return rows.length === 1;
}
