// Small wrappers over node:crypto used for tokens, API keys and signed links.
import { createHmac, hash, randomBytes, timingSafeEqual } from "node:crypto";

// The one-shot hash() makes no Hash object: about half the CPU of createHash().update().digest()
// for a short string (every imported lead hashes its dedupe key).
export const sha256 = (value: string): string => hash("sha256", value, "hex");

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

export const hmac = (secret: string, message: string): string =>
  createHmac("sha256", secret).update(message).digest("base64url");

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
