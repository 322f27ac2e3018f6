import { describe, expect, it } from "vitest";
import { apiKeyMatches, docsToken, hashApiKey, looksLikeToken, newApiKey, newTokenNonce } from "./tokens";

describe("source tokens", () => {
  it("derives the same docs token for the same nonce and a new one after rotation", () => {
    const nonce = newTokenNonce();
    const token = docsToken("s".repeat(32), "abc", nonce);
    expect(docsToken("s".repeat(32), "abc", nonce)).toBe(token);
    expect(docsToken("s".repeat(32), "abc", newTokenNonce())).not.toBe(token);
    expect(looksLikeToken(token)).toBe(true);
  });

  it("depends on the secret and the source", () => {
    const nonce = newTokenNonce();
    expect(docsToken("a".repeat(32), "abc", nonce)).not.toBe(docsToken("b".repeat(32), "abc", nonce));
    expect(docsToken("a".repeat(32), "abc", nonce)).not.toBe(docsToken("a".repeat(32), "abd", nonce));
  });

  it("matches an API key only against its own hash", () => {
    const key = newApiKey();
    expect(apiKeyMatches(key, hashApiKey(key))).toBe(true);
    expect(apiKeyMatches(newApiKey(), hashApiKey(key))).toBe(false);
  });
});
