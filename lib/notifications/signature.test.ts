import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature, webhookSecret } from "./signature";

describe("import webhook signature", () => {
  const secret = webhookSecret("s".repeat(32), { type: "account", id: "a1", nonce: "n1" });

  it("signs '<t>.<body>' with HMAC-SHA256 in hex, as Stripe does", () => {
    const header = signatureHeader(secret, '{"a":1}', 1700000000);
    const hex = createHmac("sha256", secret).update('1700000000.{"a":1}').digest("hex");
    expect(header).toBe(`t=1700000000,v1=${hex}`);
  });

  it("verifies a fresh signature and refuses a changed body, an old timestamp or another secret", () => {
    const header = signatureHeader(secret, "body", 1700000000);
    expect(verifySignature({ header, body: "body", secret, now: 1700000010 })).toBe(true);
    expect(verifySignature({ header, body: "body!", secret, now: 1700000010 })).toBe(false);
    expect(verifySignature({ header, body: "body", secret, now: 1700000000 + 301 })).toBe(false);
    expect(verifySignature({ header, body: "body", secret: `${secret}x`, now: 1700000010 })).toBe(false);
    expect(verifySignature({ header: "garbage", body: "body", secret, now: 1700000010 })).toBe(false);
  });

  it("derives a different secret for another owner or nonce, and the same one again for the same", () => {
    const app = "s".repeat(32);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhookSecret(app, { type: "account", id: "a1", nonce: "n1" })).toBe(secret);
    expect(webhookSecret(app, { type: "account", id: "a1", nonce: "n2" })).not.toBe(secret);
    expect(webhookSecret(app, { type: "source", id: "a1", nonce: "n1" })).not.toBe(secret);
  });
});
