// Import webhooks are signed as Stripe signs its webhooks: the header
// `Leadport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp in the
// signed text lets a receiver refuse old replays; the hex digest is what every HMAC library prints.
// The secret is derived, not stored: HMAC(app secret, owner + nonce), as docs tokens are
// (lib/sources/tokens.ts), so it can sign in any process and a new nonce retires the old one.
import { createHmac } from "node:crypto";
import { hmac, safeEqual } from "@/lib/crypto";

export const SIGNATURE_HEADER = "Leadport-Signature";
export const EVENT_ID_HEADER = "Leadport-Event-Id";

/** Whose webhook this is: an account's, or a source's (which wins). */
export type WebhookOwner = { type: "account" | "source"; id: string; nonce: string };

export function webhookSecret(appSecret: string, owner: WebhookOwner): string {
  return `whsec_${hmac(appSecret, `import-webhook:${owner.type}:${owner.id}:${owner.nonce}`)}`;
}

export function signPayload(secret: string, body: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${signPayload(secret, body, timestamp)}`;
}

/**
 * A receiver's check (used by the tests and shown in docs/api.md): the header names a timestamp
 * within `toleranceSeconds` of now and a v1 signature that matches the body as received.
 */
export function verifySignature(options: { header: string; body: string; secret: string; now?: number; toleranceSeconds?: number }): boolean {
  const parts = options.header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = signPayload(options.secret, options.body, t);
  return parts.some(([k, v]) => k === "v1" && v !== undefined && safeEqual(v, expected));
}
