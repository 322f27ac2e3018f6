// Setting and removing an import webhook: the account's (settings:write) or one source's
// (sources:write), which wins for that source's imports. Saving a URL makes a new nonce, so a new
// signing secret, returned once for the person to copy; it is never stored, only re-derived to sign.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { accounts, sources } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { can, type Permission } from "@/lib/auth/roles";
import { randomToken } from "@/lib/crypto";
import { env } from "@/lib/env";
import { checkRecipientUrl } from "@/lib/flow/steps/address-guard";
import { recipientSettings } from "@/lib/flow/steps/recipient";
import { FORBIDDEN, NOT_FOUND, type Actor, type Forbidden, type NotFound } from "@/lib/people/actor";
import { appSecret } from "@/lib/secret";
import { webhookSecret } from "./signature";

/** Whose webhook: the actor's account, or one of its sources. */
export type WebhookTarget = { type: "account" } | { type: "source"; sourceId: string };

export type SaveWebhookResult = { status: "ok"; url: string; secret: string } | { status: "invalid"; message: string } | Forbidden | NotFound;

const urlSchema = z.string().trim().min(1, "Enter the URL that should receive the event").max(2000, "Keep the URL under 2,000 characters");

const permissionFor = (target: WebhookTarget): Permission => (target.type === "account" ? "settings:write" : "sources:write");

export async function getImportWebhookUrl(accountId: string, target: WebhookTarget): Promise<string | null> {
  const db = getDb();
  const [row] =
    target.type === "account"
      ? await db.select({ url: accounts.importWebhookUrl }).from(accounts).where(eq(accounts.id, accountId))
      : await db.select({ url: sources.importWebhookUrl }).from(sources).where(and(eq(sources.id, target.sourceId), eq(sources.accountId, accountId)));
  return row?.url ?? null;
}

export async function saveImportWebhook(actor: Actor, target: WebhookTarget, input: unknown): Promise<SaveWebhookResult> {
  if (!can(actor.role, permissionFor(target))) return FORBIDDEN;
  const parsed = urlSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]!.message };
  const url = parsed.data;
  const checked = recipientSettings().allowPrivate ? await checkScheme(url) : await checkRecipientUrl(url);
  if (!checked.ok) return { status: "invalid", message: checked.message.replace("a recipient must", "a webhook must").replace("The recipient URL", "The webhook URL") };
  const nonce = randomToken(16);
  const saved = await writeWebhook(actor, target, { url, nonce });
  if (!saved) return NOT_FOUND;
  const owner = target.type === "account" ? { type: "account" as const, id: actor.accountId, nonce } : { type: "source" as const, id: target.sourceId, nonce };
  return { status: "ok", url, secret: webhookSecret(appSecret(env), owner) };
}

export async function removeImportWebhook(actor: Actor, target: WebhookTarget): Promise<{ status: "ok" } | Forbidden | NotFound> {
  if (!can(actor.role, permissionFor(target))) return FORBIDDEN;
  return (await writeWebhook(actor, target, null)) ? { status: "ok" } : NOT_FOUND;
}

// With RECIPIENT_ALLOW_PRIVATE (tests, closed networks) any http(s) host will do.
async function checkScheme(url: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? { ok: true } : { ok: false, message: "The webhook URL must start with http:// or https://" };
  } catch {
    return { ok: false, message: "Enter a full URL" };
  }
}

/** Sets (or with null, removes) the URL and nonce, with its audit entry, in one transaction. False: no such source. */
async function writeWebhook(actor: Actor, target: WebhookTarget, value: { url: string; nonce: string } | null): Promise<boolean> {
  const set = { importWebhookUrl: value?.url ?? null, importWebhookNonce: value?.nonce ?? null, updatedAt: new Date() };
  return getDb().transaction(async (tx) => {
    const rows =
      target.type === "account"
        ? await tx.update(accounts).set(set).where(eq(accounts.id, actor.accountId)).returning({ id: accounts.id, label: accounts.name })
        : await tx
            .update(sources)
            .set(set)
            .where(and(eq(sources.id, target.sourceId), eq(sources.accountId, actor.accountId)))
            .returning({ id: sources.id, label: sources.name });
    const row = rows[0];
    if (!row) return false;
    const action = `${target.type}.import_webhook_${value ? "set" : "removed"}` as const;
    await recordAudit(tx, { accountId: actor.accountId, actor, action, target: { type: target.type, id: row.id, label: row.label }, details: value ? { url: value.url } : {} });
    return true;
  });
}
