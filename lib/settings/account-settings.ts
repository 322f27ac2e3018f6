// Account settings (/settings): the account's name and the time zone reports and the Leads view use.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/roles";
import { FORBIDDEN, NOT_FOUND, type Actor, type Forbidden, type Invalid, type NotFound } from "@/lib/people/actor";
import { fieldErrorsOf } from "@/lib/people/validation";
import { isTimeZone } from "./time-zones";

export const accountSettingsSchema = z.object({
  name: z.string().trim().min(1, "Give the account a name").max(120, "Keep the name under 120 characters"),
  timeZone: z.string().trim().refine(isTimeZone, "Pick a time zone from the list"),
});

export type AccountSettings = z.infer<typeof accountSettingsSchema>;

export async function getAccountSettings(accountId: string): Promise<AccountSettings | null> {
  const [row] = await getDb().select({ name: accounts.name, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

export type UpdateSettingsResult = { status: "ok"; changed: boolean } | Forbidden | NotFound | Invalid<keyof AccountSettings>;

/** Saves the settings; the audit entry names only what changed, old and new, and is skipped when nothing did. */
export async function updateAccountSettings(actor: Actor, input: { name: unknown; timeZone: unknown }): Promise<UpdateSettingsResult> {
  if (!can(actor.role, "settings:write")) return FORBIDDEN;
  const parsed = accountSettingsSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const next = parsed.data;
  return getDb().transaction(async (tx) => {
    const [old] = await tx.select({ name: accounts.name, timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, actor.accountId)).for("update");
    if (!old) return NOT_FOUND;
    const changes = (Object.keys(next) as Array<keyof AccountSettings>).filter((key) => old[key] !== next[key]);
    if (changes.length === 0) return { status: "ok", changed: false };
    await tx.update(accounts).set({ ...next, updatedAt: new Date() }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, {
      accountId: actor.accountId,
      actor,
      action: "account.settings_changed",
      target: { type: "account", id: actor.accountId, label: next.name },
      details: { from: Object.fromEntries(changes.map((k) => [k, old[k]])), to: Object.fromEntries(changes.map((k) => [k, next[k]])) },
    });
    return { status: "ok", changed: true };
  });
}
