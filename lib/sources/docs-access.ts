// Who a Submission Docs token lets in: exactly one enabled source of one enabled flow. The lookup is
// by the token's SHA-256; the token is then derived again from the stored nonce and compared in
// constant time, so a database row alone never admits anyone. Every miss is the same null.
import { safeEqual } from "@/lib/crypto";
import { docsTokenFor } from "./links";
import { findSourceByDocsTokenHash } from "./queries";
import { hashToken, looksLikeToken } from "./tokens";

export async function resolveDocsToken(token: string) {
  if (!looksLikeToken(token)) return null;
  const row = await findSourceByDocsTokenHash(hashToken(token));
  if (!row) return null;
  const expected = docsTokenFor({ id: row.sourceId, docsTokenNonce: row.docsTokenNonce });
  if (!safeEqual(expected, token) || !row.sourceEnabled || !row.flowEnabled) return null;
  const { accountId, accountName, flowId, flowName, sourceId, sourceName, contact, requireApiKey } = row;
  return { accountId, accountName, flowId, flowName, sourceId, sourceName, contact, requireApiKey };
}

export type DocsAccess = NonNullable<Awaited<ReturnType<typeof resolveDocsToken>>>;

// For pages and actions under /docs/{token} that also receive flow and source ids (the import wizard):
// the token must be the one of exactly those ids.
export async function docsTokenGrants(token: string, ids: { flowId: string; sourceId: string }): Promise<DocsAccess | null> {
  const access = await resolveDocsToken(token);
  return access && access.flowId === ids.flowId && access.sourceId === ids.sourceId ? access : null;
}
