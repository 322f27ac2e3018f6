import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, behindFrontDoor } from "./client-address";
import { createFrontDoor, requestTimeoutMsFromEnv } from "./front-door";

// A real HTTP server with the front door in front of a handler that echoes what it was given, as
// scripts/start.mjs puts it in front of Next.
function serve(options: { trustProxy: number; appUrl: string }) {
  const frontDoor = createFrontDoor(options);
  return createServer((req, res) => {
    if (frontDoor(req, res)) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.headers));
  });
}

type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

function send(server: Server, init: { method?: string; path?: string; headers?: Record<string, string> }): Promise<Reply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: init.method ?? "GET", path: init.path ?? "/", headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

const direct = serve({ trustProxy: 0, appUrl: "http://localhost:3000" });
const proxied = serve({ trustProxy: 1, appUrl: "http://localhost:3000" });
beforeAll(async () => {
  await Promise.all([direct, proxied].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
});
afterAll(() => {
  direct.close();
  proxied.close();
});

describe("the front door", () => {
  it("marks the process, so the app trusts the address header it sets", () => {
    expect(behindFrontDoor()).toBe(true);
  });

  it("replaces a forged address header and X-Forwarded-For with the socket's address", async () => {
    const reply = await send(direct, { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7", "x-forwarded-proto": "https" } });
    const seen = JSON.parse(reply.body) as IncomingHttpHeaders;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBeUndefined();
    expect(reply.headers["strict-transport-security"]).toBeUndefined();
  });

  it("behind a trusted proxy takes the address and protocol the proxy reports", async () => {
    const reply = await send(proxied, { headers: { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-forwarded-proto": "https" } });
    const seen = JSON.parse(reply.body) as IncomingHttpHeaders;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.5");
    expect(seen["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.5");
    expect(reply.headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("adds the security headers to every answer", async () => {
    const reply = await send(direct, {});
    expect(reply.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["referrer-policy"]).toBe("same-origin");
  });

  it("answers a cross-origin Server Action with 403 before the app sees it", async () => {
    const refused = await send(direct, { method: "POST", path: "/login", headers: { "next-action": "7f00", origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/another site/);
    expect(refused.headers["content-security-policy"]).toBeDefined();
    const { port } = direct.address() as AddressInfo;
    const sameOrigin = await send(direct, { method: "POST", path: "/login", headers: { "next-action": "7f00", origin: `http://127.0.0.1:${port}` } });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("request timeout", () => {
  it("lets a request take an hour by default, far past Node's 300 s, since an upload is answered once staged", () => {
    expect(requestTimeoutMsFromEnv({})).toBe(3_600_000);
  });

  it("reads REQUEST_TIMEOUT_SECONDS, where 0 means no limit, and refuses what is not a number of seconds", () => {
    expect(requestTimeoutMsFromEnv({ REQUEST_TIMEOUT_SECONDS: "7200" })).toBe(7_200_000);
    expect(requestTimeoutMsFromEnv({ REQUEST_TIMEOUT_SECONDS: "0" })).toBe(0);
    expect(() => requestTimeoutMsFromEnv({ REQUEST_TIMEOUT_SECONDS: "an hour" })).toThrow(/REQUEST_TIMEOUT_SECONDS/);
  });
});
