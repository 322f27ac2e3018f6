import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientStepSchema } from "../model";
import { run, testContext } from "../testing";
import { deliverLead, readReply, recipientPayload } from "./recipient";

type Received = { path: string; contentType: string; body: string; key?: string };
const received: Received[] = [];

// A buyer whose reply depends on the path: /json-success, /xml-failure, /status-500, /slow, ...
function buyer(req: IncomingMessage, res: ServerResponse) {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    const path = req.url ?? "/";
    received.push({ path, contentType: req.headers["content-type"] ?? "", body, ...(req.headers["idempotency-key"] ? { key: String(req.headers["idempotency-key"]) } : {}) });
    if (path === "/json-success") res.writeHead(200, { "content-type": "application/json" }).end('{"outcome":"success"}');
    else if (path === "/json-failure") res.writeHead(200, { "content-type": "application/json" }).end('{"outcome":"failure","reason":"Already have it"}');
    else if (path === "/xml-failure")
      res.writeHead(200, { "content-type": "text/xml" }).end('<?xml version="1.0"?><result><outcome>failure</outcome><reason>Out of area</reason></result>');
    else if (path === "/xml-success") res.writeHead(200, { "content-type": "application/xml" }).end("<response><outcome>Success</outcome></response>");
    else if (path === "/no-outcome") res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    else if (path === "/garbage") res.writeHead(200, { "content-type": "application/json" }).end("{nope");
    else if (path === "/slow") setTimeout(() => res.writeHead(200).end('{"outcome":"success"}'), 1500);
    else if (path === "/redirect") res.writeHead(302, { location: "/json-success" }).end();
    else res.writeHead(500).end("boom");
  });
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer(buyer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const step = (path: string, extra: Record<string, unknown> = {}) => recipientStepSchema.parse({ id: "r", type: "recipient", url: `${base}${path}`, ...extra });

describe("deliverLead", () => {
  it("posts JSON and reads a JSON reply", async () => {
    expect(await deliverLead(step("/json-success"), { email: "a@b.co" })).toEqual({ outcome: "success", reason: null, responseStatus: 200, responseBody: '{"outcome":"success"}' });
    expect(received.at(-1)).toEqual({ path: "/json-success", contentType: "application/json", body: '{"email":"a@b.co"}' });
  });

  it("posts a form and reads an XML reply with a reason", async () => {
    const result = await deliverLead(step("/xml-failure", { format: "form" }), { email: "a@b.co", name: "A B" });
    expect(result).toMatchObject({ outcome: "failure", reason: "Out of area", responseStatus: 200 });
    expect(received.at(-1)).toMatchObject({ contentType: "application/x-www-form-urlencoded", body: "email=a%40b.co&name=A+B" });
  });

  it("reads the outcome case-insensitively from any XML root", async () => {
    expect(await deliverLead(step("/xml-success"), {})).toMatchObject({ outcome: "success", reason: null });
  });

  it.each([
    ["/status-500", "Recipient answered HTTP 500"],
    ["/redirect", "Recipient answered HTTP 302"],
    ["/no-outcome", "Recipient reply had no outcome"],
    ["/garbage", "Recipient reply could not be read"],
  ])("gives error for %s", async (path, reason) => {
    expect(await deliverLead(step(path), {})).toMatchObject({ outcome: "error", reason });
  });

  it("gives error when the recipient does not answer within the timeout", async () => {
    const started = Date.now();
    expect(await deliverLead(step("/slow", { timeoutMs: 200 }), {})).toEqual({ outcome: "error", reason: "Recipient did not answer within 200 ms" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives error when nothing listens at the URL", async () => {
    expect(await deliverLead(recipientStepSchema.parse({ id: "r", type: "recipient", url: "http://127.0.0.1:9/" }), {})).toEqual({
      outcome: "error",
      reason: "Recipient could not be reached",
    });
  });
});

describe("deliverLead's guards", () => {
  const ref = { key: "imp-7-r", leadId: "l".repeat(24), stepId: "r", importId: "imp", importLine: 7 };

  it("sends the delivery's Idempotency-Key", async () => {
    await deliverLead(step("/json-success"), {}, ref);
    expect(received.at(-1)).toMatchObject({ path: "/json-success", key: "imp-7-r" });
  });

  it.each([
    ["a host name that resolves to loopback", () => base.replace("127.0.0.1", "localhost")],
    ["a loopback address", () => base],
    ["an IPv4-mapped IPv6 loopback address", () => base.replace("127.0.0.1", "[::ffff:127.0.0.1]")],
    ["the metadata service's link-local address", () => "http://169.254.169.254"],
  ])("refuses %s unless private addresses are allowed", async (_, url) => {
    const count = received.length;
    const internal = recipientStepSchema.parse({ id: "r", type: "recipient", url: `${url()}/json-success` });
    expect(await deliverLead(internal, {}, ref, { allowPrivate: false })).toEqual({ outcome: "error", reason: "Recipient URL points to an internal address" });
    expect(received.length).toBe(count);
  });

  it("calls a host name that resolves to loopback when private addresses are allowed", async () => {
    const local = recipientStepSchema.parse({ id: "r", type: "recipient", url: `${base.replace("127.0.0.1", "localhost")}/json-success` });
    expect(await deliverLead(local, {}, ref, { allowPrivate: true })).toMatchObject({ outcome: "success" });
  });
});

describe("recipientPayload", () => {
  const lead = { email: { raw: " A@B.co", normal: "a@b.co", valid: true }, state: { raw: "Texas", normal: "TX", valid: true } };

  it("sends every field's normal value by id without mappings", () => {
    expect(recipientPayload(step("/"), lead)).toEqual({ email: "a@b.co", state: "TX" });
  });

  it("sends only mapped fields under the buyer's names", () => {
    const mapped = step("/", { mappings: [{ field: "email", param: "EmailAddress" }, { field: "phone_1", param: "Phone" }] });
    expect(recipientPayload(mapped, lead)).toEqual({ EmailAddress: "a@b.co", Phone: "" });
  });
});

describe("readReply", () => {
  it("reads JSON without a content type", () => {
    expect(readReply("", ' {"outcome":"error","reason":"Busy"}')).toEqual({ outcome: "error", reason: "Busy" });
  });
});

describe("recipient step", () => {
  it("ends the lead with the recipient's failure and reason, and goes on after a success", async () => {
    const ctx = testContext({ steps: [{ id: "r1", type: "recipient", name: "Buyer", url: `${base}/json-success` }, { id: "r2", type: "recipient", url: `${base}/json-failure` }] });
    const { results } = await run(ctx, [{ email: "a@b.co" }], { deliver: deliverLead });
    expect(results[0]).toMatchObject({ outcome: "failure", reason: "Already have it" });
    expect(results[0]!.events.slice(1).map((e) => [e.step, e.outcome])).toEqual([["1. Buyer", "success"], ["2. recipient", "failure"]]);
  });

  it("ends the lead with error when the recipient fails", async () => {
    const ctx = testContext({ steps: [{ id: "r", type: "recipient", url: `${base}/status-503` }] });
    const { results } = await run(ctx, [{ email: "a@b.co" }], { deliver: deliverLead });
    expect(results[0]).toMatchObject({ outcome: "error", reason: "Recipient answered HTTP 500" });
  });
});
