// The sign-in cookies are Secure whenever the app is served over https (issue #11): an https APP_URL,
// or a proxy TRUST_PROXY trusts saying the client came over https. A client's own X-Forwarded-Proto
// does not make them Secure when no proxy is trusted (nor, on plain http, would it matter).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type CookieOptions = { secure?: boolean; httpOnly?: boolean; sameSite?: string };
const jar = vi.hoisted(() => ({ set: new Map<string, CookieOptions>(), headers: new Headers() }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => undefined,
    set: (name: string, _value: string, options: CookieOptions) => jar.set.set(name, options),
  }),
  headers: async () => jar.headers,
}));

process.env.LEADPORT_SECRET ??= "session-cookie-test-secret-0123456789abcdef";
const { env } = await import("@/lib/env");
const { DEVICE_COOKIE } = await import("./device");
const { SESSION_COOKIE, setSignInCookies } = await import("./session");

const saved = { appUrl: env.APP_URL, trustProxy: env.TRUST_PROXY };
beforeEach(() => jar.set.clear());
afterEach(() => {
  env.APP_URL = saved.appUrl;
  env.TRUST_PROXY = saved.trustProxy;
  jar.headers = new Headers();
});

async function signInCookies(setup: { appUrl: string; trustProxy: number; forwardedProto?: string }) {
  env.APP_URL = setup.appUrl;
  env.TRUST_PROXY = setup.trustProxy;
  jar.headers = new Headers(setup.forwardedProto ? { "x-forwarded-proto": setup.forwardedProto } : {});
  await setSignInCookies({ token: "t".repeat(43), expiresAt: new Date(Date.now() + 3_600_000), email: "owner@example.com" });
  return { session: jar.set.get(SESSION_COOKIE)!, device: jar.set.get(DEVICE_COOKIE)! };
}

describe("sign-in cookies", () => {
  it("are Secure and httpOnly when APP_URL is https", async () => {
    const { session, device } = await signInCookies({ appUrl: "https://leads.example.com", trustProxy: 0 });
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    expect(device).toMatchObject({ secure: true, httpOnly: true });
  });

  it("are Secure behind a trusted proxy that reports https", async () => {
    const { session, device } = await signInCookies({ appUrl: "http://app.internal:3000", trustProxy: 1, forwardedProto: "https" });
    expect(session.secure).toBe(true);
    expect(device.secure).toBe(true);
  });

  it("are not Secure over plain http, whatever an untrusted X-Forwarded-Proto says", async () => {
    expect((await signInCookies({ appUrl: "http://localhost:3000", trustProxy: 0, forwardedProto: "https" })).session.secure).toBe(false);
    expect((await signInCookies({ appUrl: "http://localhost:3000", trustProxy: 1, forwardedProto: "http" })).session.secure).toBe(false);
  });
});
