// Calls the real-time API's route handlers in-process, as Next would, and seeds what they need.
import { eq } from "drizzle-orm";
import * as metaRoute from "@/app/flows/[flowId]/sources/[sourceId]/meta/route";
import * as submitRoute from "@/app/flows/[flowId]/sources/[sourceId]/submit/route";
import { getDb } from "@/db";
import { flows, sources } from "@/db/schema";
import { seedDemo } from "@/db/seed-demo";
import { clearSubmitTargetCache } from "@/lib/intake/submit-lead";

export type Ids = { flowId: string; sourceId: string };
type Handler = (request: Request, context: { params: Promise<Ids> }) => Promise<Response>;
export type CallInit = { method?: string; query?: string; headers?: Record<string, string>; body?: BodyInit; route?: "submit" | "meta" };

export async function seedDemoFlow() {
  const demo = await seedDemo(getDb(), { secret: process.env.LEADPORT_SECRET!, appUrl: "http://localhost:3000", password: "demo-password-1" });
  const flow = demo.flows[0]!;
  const [first, second] = flow.sources;
  return { flowId: flow.id, sourceId: first!.id, apiKey: first!.apiKey!, otherSourceId: second!.id, otherApiKey: second!.apiKey! };
}

export async function callApi(ids: Ids, init: CallInit = {}): Promise<Response> {
  const method = init.method ?? "POST";
  const route = init.route ?? "submit";
  const url = `http://localhost:3000/flows/${ids.flowId}/sources/${ids.sourceId}/${route}${init.query ? `?${init.query}` : ""}`;
  const request = new Request(url, { method, headers: init.headers, body: init.body });
  const routeModule = (route === "submit" ? submitRoute : metaRoute) as unknown as Record<string, Handler>;
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
