// Calls the real-time API in-process, through its route handlers as Next would, or (after
// startDirectServer()) over HTTP through the production server's direct route; and seeds what it needs.
import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import * as metaRoute from "@/app/flows/[flowId]/sources/[sourceId]/meta/route";
import * as pingRoute from "@/app/flows/[flowId]/sources/[sourceId]/ping/route";
import * as submitRoute from "@/app/flows/[flowId]/sources/[sourceId]/submit/route";
import { getDb } from "@/db";
import { flows, sources } from "@/db/schema";
import { seedDemo } from "@/db/seed-demo";
import { directRouteFor } from "@/lib/http-server/direct-routes";
import { clearSubmitTargetCache } from "@/lib/intake/submit-lead";

export type Ids = { flowId: string; sourceId: string };
type Handler = (request: Request, context: { params: Promise<Ids> }) => Promise<Response>;
export type CallInit = { method?: string; query?: string; headers?: Record<string, string>; body?: BodyInit; route?: "submit" | "ping" | "meta" };

export async function seedDemoFlow() {
  const demo = await seedDemo(getDb(), { secret: process.env.LEADPORT_SECRET!, appUrl: "http://localhost:3000", password: "demo-password-1" });
  const flow = demo.flows[0]!;
  const [first, second] = flow.sources;
  return { flowId: flow.id, sourceId: first!.id, apiKey: first!.apiKey!, otherSourceId: second!.id, otherApiKey: second!.apiKey! };
}

let directServer: { server: Server; port: number } | null = null;

/** From now on callApi sends submit requests over HTTP to a Node server answering them with the
 * direct route, as `npm start` does; returns the function that stops it. */
export async function startDirectServer(): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    const direct = directRouteFor(req);
    if (direct) return void direct(req, res);
    res.writeHead(599).end("not a direct route"); // a test that sees 599 reached a URL Next should serve
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  directServer = { server, port: (server.address() as AddressInfo).port };
  return async () => {
    directServer = null;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
}

// node:http rather than fetch: fetch adds headers of its own (Accept, a Content-Type for string
// bodies) that some tests must be able to leave out.
async function callDirect(port: number, method: string, path: string, init: CallInit): Promise<Response> {
  const body = init.body === undefined ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
  const req = httpRequest({ host: "127.0.0.1", port, method, path, headers: init.headers });
  req.end(body);
  const [res] = (await once(req, "response")) as [import("node:http").IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const nullBody = [204, 205, 304].includes(res.statusCode!) || method === "HEAD";
  return new Response(nullBody ? null : Buffer.concat(chunks), { status: res.statusCode, headers });
}

export async function callApi(ids: Ids, init: CallInit = {}): Promise<Response> {
  const method = init.method ?? "POST";
  const route = init.route ?? "submit";
  const path = `/flows/${ids.flowId}/sources/${ids.sourceId}/${route}${init.query ? `?${init.query}` : ""}`;
  if (directServer && route !== "meta") return callDirect(directServer.port, method, path, init);
  const url = `http://localhost:3000${path}`;
  const request = new Request(url, { method, headers: init.headers, body: init.body });
  const routeModule = (route === "submit" ? submitRoute : route === "ping" ? pingRoute : metaRoute) as unknown as Record<string, Handler>;
  const handler = routeModule[method];
  if (!handler) throw new Error(`${route} route does not export ${method}`);
  return handler(request, { params: Promise.resolve(ids) });
}

export const form = (data: Record<string, string>, headers: Record<string, string> = {}): CallInit => ({
  body: new URLSearchParams(data).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
});

export const json = (data: unknown, headers: Record<string, string> = {}): CallInit => ({
  body: JSON.stringify(data),
  headers: { "content-type": "application/json", ...headers },
});

export const basic = (password: string, user = "API") => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

// Settings changes are cached for a moment by the API; tests make them visible at once.
export async function updateSource(id: string, values: Partial<typeof sources.$inferInsert>) {
  await getDb().update(sources).set(values).where(eq(sources.id, id));
  clearSubmitTargetCache();
}

export async function updateFlow(id: string, values: Partial<typeof flows.$inferInsert>) {
  await getDb().update(flows).set(values).where(eq(flows.id, id));
  clearSubmitTargetCache();
}

/** An error reply on the LeadConduit paths: text/plain with the message alone, as LeadConduit sends it. */
export async function expectTextError(res: Response, status: number, message: string | RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const text = await res.text();
  if (typeof message === "string") expect(text).toBe(message);
  else expect(text).toMatch(message);
}
