// The sign-in throttle as an attacker meets it: parallel guesses, failures from many addresses, and
// the real user's known browser (device cookie), on PGlite and PostgreSQL alike.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { accountHolders, loginAttempts, sessions } from "@/db/schema";
import { logIn } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress } from "@/lib/auth/session";
import { createFrontDoor } from "@/lib/http/front-door";
import { createAccount } from "../helpers/accounts";

// next/headers outside Next: the headers of the request the test server is handling.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => new Map() }));

// Count real password checks: every guess that gets past the throttle costs one.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const MAX = 10; // LOGIN_MAX_FAILURES default

const attemptsFor = async (key: string) =>
  (await getDb().select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.key, key)))[0]!.n;

// scripts/start.mjs in miniature: the front door, then a sign-in with the address the app reads.
async function withSignInServer(trustProxy: number, run: (signIn: (headers: Record<string, string>, email: string) => Promise<string>) => Promise<void>) {
  const frontDoor = createFrontDoor({ trustProxy, appUrl: "http://localhost:3000" });
  const handle = async (req: IncomingMessage) => {
    requestHeaders = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
    return (await logIn({ email: req.headers["x-email"] as string, password: "wrong", address: await clientAddress() })).status;
  };
  const server = createServer((req, res) => {
    if (!frontDoor(req, res)) void handle(req).then((status) => res.end(status));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;
  try {
    await run(async (headers, email) => (await fetch(url, { headers: { ...headers, "x-email": email } })).text());
  } finally {
    server.close();
  }
}

describe("forged client addresses", () => {
  it("do not escape the per-address limit when no proxy is trusted", async () => {
    await withSignInServer(0, async (signIn) => {
      const statuses: string[] = [];
      for (let i = 0; i < 25; i++) {
        statuses.push(await signIn({ "x-forwarded-for": `198.18.${i}.1`, "x-leadport-client-address": `198.19.${i}.1` }, `forged-${i}@example.com`));
      }
      expect(statuses.filter((s) => s === "invalid")).toHaveLength(MAX);
      expect(statuses.slice(MAX).every((s) => s === "throttled")).toBe(true);
      expect(await attemptsFor("addr:127.0.0.1")).toBe(MAX);
    });
  });

  it("behind a trusted proxy, count the address the proxy saw, not what the client wrote before it", async () => {
    await withSignInServer(1, async (signIn) => {
      const statuses: string[] = [];
      for (let i = 0; i < 25; i++) statuses.push(await signIn({ "x-forwarded-for": `198.18.${i}.1, 203.0.113.77` }, `proxied-${i}@example.com`));
      expect(statuses.filter((s) => s === "invalid")).toHaveLength(MAX);
      expect(await attemptsFor("addr:203.0.113.77")).toBe(MAX);
    });
  });
});

describe("parallel wrong logins", () => {
  it("check the password at most LOGIN_MAX_FAILURES times for one email", async () => {
    await createAccount({ email: "parallel@example.com", password: "parallel-password" });
    vi.mocked(verifyPassword).mockClear();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => logIn({ email: "parallel@example.com", password: `guess-${i}`, address: `10.3.${i}.1` })),
    );
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(MAX);
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(MAX);
    expect(results.filter((r) => r.status === "throttled")).toHaveLength(60 - MAX);
    expect(await attemptsFor("email:parallel@example.com")).toBe(MAX);
  });

  it("check at most LOGIN_MAX_FAILURES passwords from one address across many emails", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => logIn({ email: `spray-${i}@example.com`, password: "x", address: "10.4.0.1" })),
    );
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(MAX);
    expect(await attemptsFor("addr:10.4.0.1")).toBe(MAX);
  });
});

describe("a known device", () => {
  const email = "owner@device.example";
  const password = "device-password-1";
  let deviceCookie = "";

  it("gets a device cookie when it signs in", async () => {
    await createAccount({ email, password });
    const result = await logIn({ email, password, address: "10.5.0.1" });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    deviceCookie = result.deviceCookie;
    expect(deviceCookie).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
  });

  it("still signs in while failures from elsewhere lock the email for everyone else", async () => {
    for (let i = 0; i < 12; i++) await logIn({ email, password: `guess-${i}`, address: `10.6.0.${i}` });
    expect((await logIn({ email, password, address: "10.7.0.1" })).status).toBe("throttled");
    const known = await logIn({ email, password, address: "10.7.0.1", deviceCookie });
    expect(known.status).toBe("ok");
  });

  it("ignores a forged device cookie or one made for another email", async () => {
    const [nonce] = deviceCookie.split(".");
    const forged = `${nonce}.${"A".repeat(43)}`;
    expect((await logIn({ email, password, address: "10.7.0.2", deviceCookie: forged })).status).toBe("throttled");
    const other = await createAccount({ email: "other@device.example", password: "other-password-1" });
    const otherLogin = await logIn({ email: "other@device.example", password: "other-password-1", address: "10.7.0.3" });
    expect(otherLogin.status).toBe("ok");
    expect(other.holderId).toBeTruthy();
    if (otherLogin.status !== "ok") return;
    expect((await logIn({ email, password, address: "10.7.0.3", deviceCookie: otherLogin.deviceCookie })).status).toBe("throttled");
  });

  it("is itself throttled after its own failures", async () => {
    for (let i = 0; i < MAX; i++) {
      expect((await logIn({ email, password: `typo-${i}`, address: `10.8.0.${i}`, deviceCookie })).status).toBe("invalid");
    }
    expect((await logIn({ email, password, address: "10.8.1.1", deviceCookie })).status).toBe("throttled");
    expect(await attemptsFor(`device:${deviceCookie.split(".")[0]}`)).toBe(MAX);
  });
});

describe("a successful sign-in", () => {
  it("records when, from where and with which browser", async () => {
    const { holderId } = await createAccount({ email: "record@example.com", password: "record-password" });
    const result = await logIn({ email: "record@example.com", password: "record-password", address: "10.9.0.1", userAgent: "Mozilla/5.0 " + "x".repeat(400) });
    expect(result.status).toBe("ok");
    const [holder] = await getDb().select({ at: accountHolders.lastSignInAt }).from(accountHolders).where(eq(accountHolders.id, holderId));
    expect(Date.now() - holder!.at!.getTime()).toBeLessThan(60_000);
    const [session] = await getDb()
      .select({ userAgent: sessions.userAgent, clientAddress: sessions.clientAddress })
      .from(sessions)
      .where(eq(sessions.accountHolderId, holderId));
    expect(session!.clientAddress).toBe("10.9.0.1");
    expect(session!.userAgent).toHaveLength(300);
    expect(session!.userAgent.startsWith("Mozilla/5.0 x")).toBe(true);
  });

  it("does not count against the address or leave its reservation behind", async () => {
    await createAccount({ email: "office@example.com", password: "office-password" });
    for (let i = 0; i < MAX + 2; i++) {
      expect((await logIn({ email: "office@example.com", password: "office-password", address: "10.10.0.1" })).status).toBe("ok");
    }
    expect(await attemptsFor("addr:10.10.0.1")).toBe(0);
    expect(await attemptsFor("email:office@example.com")).toBe(0);
  });
});
