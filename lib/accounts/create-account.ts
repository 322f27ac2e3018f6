// Creating an account and its owner: the first account on an install (`npm run account:create`,
// with a setup link for the owner) and sign-up. No server-only here: the command runs it under tsx.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accountHolders, accounts } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { newId } from "@/lib/ids";
import { createLink, linkUrl } from "./links";
import { inTransaction, isUniqueViolation } from "./transaction";
import { accountNameSchema, DEFAULT_TIME_ZONE, emailSchema, timeZoneSchema } from "./validations";

export const EMAIL_TAKEN_MESSAGE = "An account with that email already exists.";

/** Whether anyone, in any account, already signs in with this (normalized) email. */
export async function emailInUse(db: Pick<Db, "select">, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accountHolders.id })
    .from(accountHolders)
    .where(eq(sql`lower(${accountHolders.email})`, email.toLowerCase()))
    .limit(1);
  return Boolean(row);
}

export type NewAccount = {
  accountName: string;
  timeZone: string;
  owner: { email: string; name: string; passwordHash: string | null };
  /** Who made it, for the audit log; the owner themselves when null. */
  actor: AuditActor | null;
  details?: Record<string, unknown>;
};

/** Inserts an account, its owner and the "account.created" audit entry, in the caller's transaction. */
export async function insertAccountWithOwner(tx: Db, account: NewAccount): Promise<{ accountId: string; holderId: string }> {
  const accountId = newId();
  const holderId = newId();
  await tx.insert(accounts).values({ id: accountId, name: account.accountName, timeZone: account.timeZone });
  await tx.insert(accountHolders).values({ id: holderId, accountId, role: "owner", ...account.owner });
  await recordAudit(tx, {
    accountId,
    actor: account.actor ?? { id: holderId, email: account.owner.email },
    action: "account.created",
    target: { type: "account", id: accountId, label: account.accountName },
    details: { owner: account.owner.email, timeZone: account.timeZone, ...account.details },
  });
  return { accountId, holderId };
}

const commandInput = z.object({ email: emailSchema, name: accountNameSchema, timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE) });

export type CreateAccountInput = { email: string; name: string; timeZone?: string; appUrl: string; now?: Date };

export type CreateAccountResult =
  | { status: "ok"; accountId: string; holderId: string; email: string; setupUrl: string }
  | { status: "invalid"; message: string }
  | { status: "email_taken"; message: string };

// The audit log's actor for work done from the command line, where nobody is signed in.
const COMMAND_LINE_ACTOR: AuditActor = { id: null, email: "account:create (command line)" };

/**
 * The first account on an install: the account, an owner with no password yet, and a 24-hour setup
 * link for them, in one transaction. An email already in use changes nothing.
 */
export async function createAccountWithSetupLink(db: Db, input: CreateAccountInput): Promise<CreateAccountResult> {
  const parsed = commandInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues.map((i) => i.message).join("; ") };
  const { email, name, timeZone } = parsed.data;
  const taken = { status: "email_taken", message: `${email} already signs in to Leadport; nothing was changed.` } as const;
  try {
    return await inTransaction<CreateAccountResult>(db, async (tx) => {
      if (await emailInUse(tx, email)) return taken;
      const { accountId, holderId } = await insertAccountWithOwner(tx, {
        accountName: name,
        timeZone,
        owner: { email, name: "", passwordHash: null },
        actor: COMMAND_LINE_ACTOR,
      });
      const link = await createLink(tx, { accountId, kind: "setup", email, accountHolderId: holderId, now: input.now });
      return { status: "ok", accountId, holderId, email, setupUrl: linkUrl(input.appUrl, "setup", link.token) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}
