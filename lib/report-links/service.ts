import "server-only";
import { getDb } from "@/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { countOwnedIds } from "@/lib/leads/queries";
import { appSecret } from "@/lib/secret";
import { getActiveReportLink, getActiveReportLinkByTokenHash, insertReportLink, listActiveReportLinks, updateReportLink } from "./queries";
import { reportScopeSchema, scopeIds, type ReportScope } from "./scope";
import { hashToken, looksLikeToken, newTokenNonce, reportToken, reportUrl } from "./tokens";

const urlFor = (linkId: string, nonce: string) => reportUrl(env.APP_URL, reportToken(appSecret(env), linkId, nonce));

export type CreateLinkResult = { status: "ok"; id: string; url: string } | { status: "invalid"; message: string };

// A new shared link; its scope may only name this account's flows and sources.
export async function createReportLink(options: { accountId: string; name: string; scope: unknown; actor: AuditActor }): Promise<CreateLinkResult> {
  const parsed = reportScopeSchema.safeParse(options.scope);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "This report cannot be shared" };
  if (!(await scopeIsOwned(options.accountId, parsed.data))) return { status: "invalid", message: "This report names a flow or source that is not yours" };
  const id = newId();
  const nonce = newTokenNonce();
  const name = options.name.trim().slice(0, 120);
  await getDb().transaction(async (tx) => {
    await insertReportLink(tx, { id, accountId: options.accountId, name, tokenNonce: nonce, tokenHash: hashToken(reportToken(appSecret(env), id, nonce)), scope: parsed.data });
    const target = { type: "report_link" as const, id, label: name };
    await recordAudit(tx, { accountId: options.accountId, actor: options.actor, action: "report_link.shared", target, details: { kind: parsed.data.kind } });
  });
  return { status: "ok", id, url: urlFor(id, nonce) };
}

async function scopeIsOwned(accountId: string, scope: ReportScope): Promise<boolean> {
  const ids = scopeIds(scope);
  const owned = await countOwnedIds(accountId, ids);
  return owned.flows === new Set(ids.flowIds).size && owned.sources === new Set(ids.sourceIds).size && owned.imports === new Set(ids.importIds).size;
}

// The account's live links, each with its URL derived again so it can be copied at any time.
export async function listReportLinks(accountId: string) {
  const rows = await listActiveReportLinks(accountId);
  return rows.flatMap((row) => {
    const scope = reportScopeSchema.safeParse(row.scope);
    return scope.success ? [{ id: row.id, name: row.name, scope: scope.data, createdAt: row.createdAt, url: urlFor(row.id, row.tokenNonce) }] : [];
  });
}

// A new token for the link: the old URL is a 404 from this moment. Audited as sharing it again (a new
// URL goes out), with `newUrl` in the details so the log tells it apart from a first share.
export async function changeReportLink(accountId: string, linkId: string, actor: AuditActor): Promise<string | null> {
  const nonce = newTokenNonce();
  const changed = await getDb().transaction(async (tx) => {
    const link = await updateReportLink(tx, accountId, linkId, { tokenNonce: nonce, tokenHash: hashToken(reportToken(appSecret(env), linkId, nonce)) });
    if (link) await recordAudit(tx, { accountId, actor, action: "report_link.shared", target: { type: "report_link", id: linkId, label: link.name }, details: { newUrl: true } });
    return link !== null;
  });
  return changed ? urlFor(linkId, nonce) : null;
}

export async function stopReportLink(accountId: string, linkId: string, actor: AuditActor): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const link = await updateReportLink(tx, accountId, linkId, { revokedAt: new Date() });
    if (link) await recordAudit(tx, { accountId, actor, action: "report_link.revoked", target: { type: "report_link", id: linkId, label: link.name } });
    return link !== null;
  });
}

// Whether a partner link shows the last imported lead's contact details (masked by default).
export async function setPartnerContacts(accountId: string, linkId: string, showContacts: boolean): Promise<boolean> {
  const link = await getActiveReportLink(accountId, linkId);
  const scope = reportScopeSchema.safeParse(link?.scope);
  if (!link || !scope.success || scope.data.kind !== "partner") return false;
  return (await updateReportLink(getDb(), accountId, linkId, { scope: { ...scope.data, showContacts } })) !== null;
}

// The live link a token opens, or null: malformed, unknown, changed and stopped tokens look the same.
export async function findSharedLink(token: string) {
  if (!looksLikeToken(token)) return null;
  const link = await getActiveReportLinkByTokenHash(hashToken(token));
  const scope = reportScopeSchema.safeParse(link?.scope);
  if (!link || !scope.success) return null;
  return { id: link.id, name: link.name, accountId: link.accountId, accountName: link.accountName, timeZone: link.timeZone, scope: scope.data };
}
