import "server-only";
import { can, type HolderRole } from "@/lib/auth/roles";
import { docsUrlFor } from "./links";
import { getSourceForAccount, listSourcesByFlow } from "./queries";

// Sources as the account's pages show them. The Submission Docs link is derived here, on the server,
// only for roles that may see secrets: a viewer's page gets null, so the link is in neither its HTML
// nor the props sent to the browser. The nonce it is derived from never leaves this module.

export type SourceViewer = { accountId: string; role: HolderRole };

const docsUrlOf = (viewer: SourceViewer, source: { id: string; docsTokenNonce: string }) =>
  can(viewer.role, "secrets:read") ? docsUrlFor(source) : null;

/** One source for its page; null when it is not this account's. */
export async function getSourcePage(viewer: SourceViewer, sourceId: string) {
  const source = await getSourceForAccount(viewer.accountId, sourceId);
  if (!source) return null;
  const { docsTokenNonce, ...shown } = source;
  return { ...shown, docsUrl: docsUrlOf(viewer, { id: source.id, docsTokenNonce }) };
}

/** A flow's sources for its Sources tab. */
export async function listFlowSourcesPage(viewer: SourceViewer, flowId: string) {
  const rows = await listSourcesByFlow(viewer.accountId, flowId);
  return rows.map(({ docsTokenNonce, ...shown }) => ({ ...shown, docsUrl: docsUrlOf(viewer, { id: shown.id, docsTokenNonce }) }));
}
