// Shared report tokens, as Submission Docs tokens (lib/sources/tokens.ts): HMAC(app secret, link id +
// nonce) is 256 bits nobody can guess, the table keeps only its SHA-256, and the account holder can
// copy the link again because it is derived anew from the nonce. A new nonce kills the old URL at once.
import { hmac } from "@/lib/crypto";

export { hashToken, looksLikeToken, newTokenNonce } from "@/lib/sources/tokens";

export function reportToken(secret: string, linkId: string, nonce: string): string {
  return hmac(secret, `report:${linkId}:${nonce}`);
}

export function reportUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, "")}/r/${token}`;
}
