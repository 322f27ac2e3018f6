// `npm run account:link`: the way back in from the command line when no one can make a link in the app
// (an owner whose setup link expired, with no SMTP; the only owner locked out). A person who has not
// chosen a password yet gets a new setup link, anyone else a reset link. No server-only here: the
// command runs it under tsx.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountHolders, accountLinks } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { createLink, linkUrl } from "./links";
import { inTransaction } from "./transaction";
import { emailSchema } from "./validations";

export type AccountLinkInput = { email: string; appUrl: string; now?: Date };

export type AccountLinkResult =
  | { status: "ok"; email: string; kind: "setup" | "reset"; url: string; expiresAt: Date }
  | { status: "invalid"; message: string }
  | { status: "not_found"; message: string };

// The audit log's actor for work done from the command line, where nobody is signed in.
const COMMAND_LINE_ACTOR: AuditActor = { id: null, email: "account:link (command line)" };

/**
 * A new one-time link for the person who signs in with this email, in one transaction with its audit
 * entry: earlier unused links of the same kind for them are revoked, so only the newest works. An
 * unknown email changes nothing.
 */
export async function makeAccountLink(db: Db, input: AccountLinkInput): Promise<AccountLinkResult> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues.map((i) => i.message).join("; ") };
  const email = parsed.data;
  const now = input.now ?? new Date();
  return inTransaction<AccountLinkResult>(db, async (tx) => {
    const [person] = await tx
      .select({ id: accountHolders.id, accountId: accountHolders.accountId, email: accountHolders.email, passwordHash: accountHolders.passwordHash })
      .from(accountHolders)
      .where(eq(sql`lower(${accountHolders.email})`, email))
      .for("update");
    if (!person) return { status: "not_found", message: `No one signs in to Leadport with ${email}; nothing was changed.` };
    const kind: "setup" | "reset" = person.passwordHash === null ? "setup" : "reset";
    await tx
      .update(accountLinks)
      .set({ revokedAt: now })
      .where(and(eq(accountLinks.accountHolderId, person.id), eq(accountLinks.kind, kind), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)));
    const link = await createLink(tx, { accountId: person.accountId, kind, email: person.email, accountHolderId: person.id, now });
    await recordAudit(tx, {
      accountId: person.accountId,
      actor: COMMAND_LINE_ACTOR,
      action: kind === "setup" ? "person.setup_link_made" : "person.reset_link_made",
      target: { type: "person", id: person.id, label: person.email },
      details: { via: "account:link" },
    });
    return { status: "ok", email: person.email, kind, url: linkUrl(input.appUrl, kind, link.token), expiresAt: link.expiresAt };
  });
}
