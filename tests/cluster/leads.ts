// Real-time leads for the cluster test: new leads spread over both app processes, and copies of CSV
// rows sent to both processes at the same instant, so dedupe is raced across processes and imports.
import { parse } from "csv-parse/sync";
import type { App } from "./processes";

export type Target = { flowId: string; sourceId: string; apiKey: string };
export type LeadPost = { kind: "new" | "twin"; app: string; status: number; outcome: string | null; reason: string | null; email: string; requestId: string | null };
type LeadData = Record<string, string>;

export const basicAuth = (apiKey: string) => `Basic ${Buffer.from(`API:${apiKey}`).toString("base64")}`;

/** Rows of a gen-leads file as real-time leads (the same people, in the API's field ids). */
export function csvTwins(content: string, every: number): LeadData[] {
  const records = parse(content, { columns: true, relax_column_count: true }) as Array<Record<string, string>>;
  return records
    .filter((_, i) => i % every === 0)
    .map((r) => ({ first_name: r["First Name"]!, last_name: r["Last Name"]!, email: r["E-mail Address"]!, phone_1: r["Phone"]!, state: r["State"]! }));
}

async function submit(app: App, target: Target, data: LeadData, kind: LeadPost["kind"]): Promise<LeadPost> {
  const res = await fetch(`${app.baseUrl}/flows/${target.flowId}/sources/${target.sourceId}/submit`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: basicAuth(target.apiKey) },
    body: new URLSearchParams(data).toString(),
  });
  const body = (await res.json().catch(() => ({}))) as { outcome?: string; reason?: string };
  return { kind, app: app.name, status: res.status, outcome: body.outcome ?? null, reason: body.reason ?? null, email: data.email ?? "", requestId: res.headers.get("x-request-id") };
}

/** Posts until `stop()` says so: a new lead to each app in turn, and every third round a CSV twin to both at once. */
export async function postLeadsUntil(stop: () => boolean, apps: App[], target: Target, twins: LeadData[], runId: string): Promise<LeadPost[]> {
  const posts: LeadPost[] = [];
  for (let i = 0; !stop(); i++) {
    const lead = { first_name: "Rita", last_name: "Realtime", email: `rt.${runId}.${i}@cluster.example`, phone_1: `512555${String(i % 10_000).padStart(4, "0")}`, state: "TX" };
    posts.push(await submit(apps[i % apps.length]!, target, lead, "new"));
    const twin = i % 3 === 0 ? twins[(i / 3) % twins.length] : undefined;
    if (twin) posts.push(...(await Promise.all(apps.map((app) => submit(app, target, twin, "twin")))));
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return posts;
}
