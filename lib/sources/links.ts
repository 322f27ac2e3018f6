import "server-only";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/secret";
import { docsToken, docsUrl } from "./tokens";

// A source's docs token, derived again from its nonce (never stored in clear).
export function docsTokenFor(source: { id: string; docsTokenNonce: string }): string {
  return docsToken(appSecret(env), source.id, source.docsTokenNonce);
}

// The Submission Docs URL of a source.
export function docsUrlFor(source: { id: string; docsTokenNonce: string }): string {
  return docsUrl(env.APP_URL, docsTokenFor(source));
}

// Where a source posts leads: the LeadConduit-compatible real-time API.
export function submitUrlFor(source: { id: string; flowId: string }): string {
  return `${env.APP_URL.replace(/\/$/, "")}/flows/${source.flowId}/sources/${source.id}/submit`;
}
