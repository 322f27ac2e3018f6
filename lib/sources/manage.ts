// Account holders' changes to sources. A new source gets an API key (returned once, stored as a hash)
// and a docs nonce; rotating either replaces the hash, so the old key or link stops working at once.
import type { AuditActor } from "@/lib/audit/record";
import type { SourceConfig } from "@/lib/flow/model";
import type { FieldErrors } from "@/lib/flows/validate-config";
import { validateSourceConfig } from "@/lib/flows/validate-config";
import { newId } from "@/lib/ids";
import { docsTokenFor, docsUrlFor } from "./links";
import { getSourceForAccount, insertSource, updateSource } from "./queries";
import { hashApiKey, hashToken, newApiKey, newTokenNonce } from "./tokens";

function newDocsLink(sourceId: string) {
  const docsTokenNonce = newTokenNonce();
  return { docsTokenNonce, docsTokenHash: hashToken(docsTokenFor({ id: sourceId, docsTokenNonce })) };
}

export async function createSource(input: { accountId: string; flowId: string; name: string; contact: string; actor: AuditActor }) {
  const id = newId();
  const apiKey = newApiKey();
  const created = await insertSource({ ...input, id, apiKeyHash: hashApiKey(apiKey), ...newDocsLink(id) });
  return created ? { status: "ok" as const, sourceId: id, apiKey } : { status: "not_found" as const };
}

export async function rotateApiKey(accountId: string, sourceId: string, actor: AuditActor) {
  const apiKey = newApiKey();
  const done = await updateSource(accountId, sourceId, { apiKeyHash: hashApiKey(apiKey) }, { actor, action: "source.api_key_rotated" });
  return done ? { status: "ok" as const, apiKey } : { status: "not_found" as const };
}

export async function rotateDocsLink(accountId: string, sourceId: string, actor: AuditActor) {
  const link = newDocsLink(sourceId);
  const done = await updateSource(accountId, sourceId, link, { actor, action: "source.docs_link_rotated" });
  return done ? { status: "ok" as const, docsUrl: docsUrlFor({ id: sourceId, docsTokenNonce: link.docsTokenNonce }) } : { status: "not_found" as const };
}

export type SourceSettings = { name: string; contact: string; enabled: boolean; requireApiKey: boolean };

// Only switching the source on or off is audited; a new name or contact is not.
export async function updateSourceSettings(accountId: string, sourceId: string, settings: SourceSettings, actor: AuditActor) {
  const action = (before: { enabled: boolean }) => (before.enabled === settings.enabled ? null : settings.enabled ? "source.enabled" : "source.disabled");
  return (await updateSource(accountId, sourceId, settings, { actor, action })) ? { status: "ok" as const } : { status: "not_found" as const };
}

export type SaveSourceConfigResult = { status: "ok" } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "not_found" };

// Source criteria and pricing are checked against the fields of the source's own flow. The reply
// format shares the config but has its own form: this save keeps the stored one, so a tab opened
// before it changed (or a client that never sends it) cannot undo it.
export async function saveSourceConfig(accountId: string, sourceId: string, config: unknown): Promise<SaveSourceConfigResult> {
  const source = await getSourceForAccount(accountId, sourceId);
  if (!source) return { status: "not_found" };
  const checked = validateSourceConfig(config, source.flowFields);
  if (!checked.ok) return { status: "invalid", fieldErrors: checked.fieldErrors };
  const kept: SourceConfig = { ...checked.config, replyFormat: source.config.replyFormat };
  if (kept.replyFormat === undefined) delete kept.replyFormat;
  return (await updateSource(accountId, sourceId, { config: kept })) ? { status: "ok" } : { status: "not_found" };
}

export type SourceReplyFormat = NonNullable<SourceConfig["replyFormat"]>;

// Sets only the reply format, keeping the source's criteria, pricing and caps. Like the criteria save,
// a read then a write: two people saving the same source at the same instant, the last one wins.
export async function setSourceReplyFormat(accountId: string, sourceId: string, replyFormat: SourceReplyFormat) {
  const source = await getSourceForAccount(accountId, sourceId);
  if (!source) return { status: "not_found" as const };
  const done = await updateSource(accountId, sourceId, { config: { ...source.config, replyFormat } });
  return done ? { status: "ok" as const } : { status: "not_found" as const };
}
