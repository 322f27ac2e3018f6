import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";

// The module's logger writes to stdout; capture what it writes by swapping in a logger on a stream.
const lines: Array<Record<string, unknown>> = [];
vi.mock("@/lib/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/logger")>();
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const logger = pino({ level: "debug", mixin: () => original.currentLogContext() }, sink);
  return { ...original, logger };
});

const { requestIdOf, withRequestLog } = await import("./request-log");
const { logger } = await import("@/lib/logger");

describe("requestIdOf", () => {
  it("keeps the id a load balancer sent", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "lb-1234" }))).toBe("lb-1234");
  });

  it("makes a new one when none or a malformed one was sent", () => {
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ "x-request-id": "two words" }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ "x-request-id": "x".repeat(129) }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("withRequestLog", () => {
  it("tags every log line of the request with its id and echoes the id in the response", async () => {
    lines.length = 0;
    const request = new Request("http://localhost/flows/f/sources/s/submit", { method: "POST", headers: { "x-request-id": "req-1" } });
    const response = await withRequestLog(request, async () => {
      logger.info("inside");
      return Response.json({ ok: true }, { status: 201 });
    });
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(lines.find((l) => l.msg === "inside")).toMatchObject({ requestId: "req-1" });
    expect(lines.find((l) => l.msg === "request")).toMatchObject({ requestId: "req-1", method: "POST", path: "/flows/f/sources/s/submit", status: 201 });
  });

  it("logs an uncaught error with its cause and answers a generic 500", async () => {
    lines.length = 0;
    const response = await withRequestLog(new Request("http://localhost/leads/export"), () => {
      throw new Error("relation \"leads\" does not exist");
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("relation");
    expect(JSON.parse(body)).toEqual({ message: "Internal error" });
    const logged = lines.find((l) => l.msg === "request failed") as { err: { message: string }; requestId: string };
    expect(logged.err.message).toContain("relation");
    expect(logged.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("adds the header to responses whose headers are immutable", async () => {
    const response = await withRequestLog(new Request("http://localhost/"), () => Response.redirect("http://localhost/login", 303));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost/login");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
