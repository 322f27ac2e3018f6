// What a setup, invitation or reset page shows before the person acts: whose link it is and for
// which account. Null for any token that is not usable now, so every bad link gets the same 404.
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { accounts, type AccountLinkKind, type HolderRole } from "@/db/schema";
import { emailInUse } from "./create-account";
import { findUsableLink } from "./links";

export type LinkDetails = {
  email: string;
  accountName: string;
  role: HolderRole | null;
  /** Invitations only: the address meanwhile signs in somewhere, so accepting cannot work. */
  emailTaken: boolean;
};

export async function getLinkDetails(kind: AccountLinkKind, token: string, now = new Date()): Promise<LinkDetails | null> {
  const db = getDb();
  const link = await findUsableLink(db, kind, token, now);
  if (!link) return null;
  const [account] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, link.accountId));
  if (!account) return null;
  return {
    email: link.email,
    accountName: account.name,
    role: link.role,
    emailTaken: kind === "invitation" && (await emailInUse(db, link.email)),
  };
}
