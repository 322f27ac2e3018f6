// Source credentials. API keys are random and stored only as SHA-256. Docs tokens are
// HMAC(app secret, source id + nonce): 256 bits an attacker cannot guess, stored only as SHA-256, yet
// re-derivable so the account holder can copy the link again. Rotating the nonce kills the old link.
import { hmac, randomToken, safeEqual, sha256 } from "@/lib/crypto";

export const newApiKey = (): string => `lpk_${randomToken(24)}`;
export const hashApiKey = (key: string): string => sha256(key);
export const apiKeyMatches = (key: string, storedHash: string): boolean => safeEqual(sha256(key), storedHash);

export const newTokenNonce = (): string => randomToken(16);

export function docsToken(secret: string, sourceId: string, nonce: string): string {
  return hmac(secret, `docs:${sourceId}:${nonce}`);
}

export function docsUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/$/, "")}/docs/${token}`;
}

export const hashToken = (token: string): string => sha256(token);

// Shape check before any lookup: base64url of 32 bytes.
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
