import { describe, expect, it } from "vitest";
import { deviceCookieFor, deviceNonceFor } from "./device";

const secret = "device-test-secret-0123456789abcdef";

describe("device cookie", () => {
  it("is recognised for the email it was issued for, however the email is typed", () => {
    const cookie = deviceCookieFor(secret, "owner@example.com", undefined);
    const nonce = deviceNonceFor(secret, " Owner@Example.com", cookie);
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(cookie.startsWith(`${nonce}.`)).toBe(true);
  });

  it("is not recognised for another email, another secret, or when altered", () => {
    const cookie = deviceCookieFor(secret, "owner@example.com", undefined);
    const [nonce, mac] = cookie.split(".");
    expect(deviceNonceFor(secret, "attacker@example.com", cookie)).toBeNull();
    expect(deviceNonceFor("another-secret-0123456789abcdefghij", "owner@example.com", cookie)).toBeNull();
    expect(deviceNonceFor(secret, "owner@example.com", `${"A".repeat(22)}.${mac}`)).toBeNull();
    expect(deviceNonceFor(secret, "owner@example.com", `${nonce}.${"A".repeat(43)}`)).toBeNull();
    expect(deviceNonceFor(secret, "owner@example.com", `${cookie}.x`)).toBeNull();
    expect(deviceNonceFor(secret, "owner@example.com", "")).toBeNull();
    expect(deviceNonceFor(secret, "owner@example.com", undefined)).toBeNull();
  });

  it("keeps a valid cookie for the same email and replaces one for another", () => {
    const cookie = deviceCookieFor(secret, "owner@example.com", undefined);
    expect(deviceCookieFor(secret, "owner@example.com", cookie)).toBe(cookie);
    const other = deviceCookieFor(secret, "colleague@example.com", cookie);
    expect(other).not.toBe(cookie);
    expect(deviceNonceFor(secret, "colleague@example.com", other)).not.toBeNull();
  });
});
