// `npm start` answers the lead API's submit and ping URLs before Next, with the bundled
// lib/http-server/direct-routes (scripts/start.mjs). The integration suites *-direct.test.ts run the
// same cases through that function in-process; this checks the production server itself (the build's
// bundle, start.mjs's routing) answers a ping and LeadConduit's text/plain errors on both URLs.
// Needs PostgreSQL (DATABASE_URL) and a production build, like cluster.test.ts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startApp, stopProcess, type App } from "./processes";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const ready = Boolean(process.env.DATABASE_URL) && existsSync(join(distDir, "BUILD_ID"));

describe.skipIf(!ready)("the production server's lead API (submit and ping)", () => {
  let database: TestDatabase;
  let app: App;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase("lp_leadapi");
    const logDir = ".data/test-results/lead-api-production";
    mkdirSync(logDir, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      LEADPORT_SECRET: "lead-api-production-secret-0123456789abcd",
      DEMO_PASSWORD: "lead-api-demo-password",
      SEED_DEMO: "false",
      WORKER_IN_PROCESS: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // Migrate and seed the demo flow (15 for a lead in TX) before the server starts, as cluster.test.ts does.
    const seeded = execFileSync(process.execPath, ["--import", "tsx", "db/seed.ts"], { env: { ...env, LOG_LEVEL: "warn" }, encoding: "utf8" });
    const flow = JSON.parse(seeded.trim().split("\n").at(-1)!).flows[0];
    app = await startApp("app", { ...env, MIGRATE_ON_START: "false" }, logDir);
    base = `${app.baseUrl}/flows/${flow.id}/sources/${flow.sources[0].id}`;
  }, 180_000);

  afterAll(async () => {
    if (app) await stopProcess(app);
    await database?.drop();
  });

  const leadCount = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return Number((await client.query("select count(*) as n from leads")).rows[0].n);
    } finally {
      await client.end();
    }
  };
  const formPost = (body: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(body).toString(),
  });

  it("answers a ping 200 with outcome and price, no lead id, and stores no lead", async () => {
    const before = await leadCount();
    const res = await fetch(`${base}/ping`, formPost({ email: "production-ping@example.com", state: "TX" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ outcome: "success", price: 15 });
    const xml = await fetch(`${base}/ping`, formPost({ email: "production-ping-xml@example.com", state: "TX" }, { accept: "application/xml" }));
    expect(await xml.text()).toBe('<?xml version="1.0"?>\n<result>\n  <outcome>success</outcome>\n  <price>15</price>\n</result>');
    expect(await leadCount()).toBe(before);
  });

  it.each(["submit", "ping"])("answers LeadConduit's errors on %s in text/plain", async (route) => {
    const url = `${base}/${route}`;
    const cases: Array<[Promise<Response>, number, string | RegExp]> = [
      [fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }), 400, /^Unable to parse JSON -- .+\.$/],
      [fetch(url, { method: "PUT" }), 405, "The PUT method is not allowed"],
      [fetch(url, formPost({ email: "a@b.co" }, { accept: "text/html" })), 406, "Not capable of generating content according to the Accept header"],
      [fetch(url, { method: "POST", headers: { "content-type": "text/csv" }, body: "email\na@b.co" }), 406, /^MIME type in Content-Type header is not supported\./],
      [fetch(url, { method: "POST", body: new Blob(["email=a@b.co"]) }), 415, "Content-Type header is required"],
      [fetch(`${url}?redir_url=ftp://example.com/`, formPost({ email: "a@b.co" })), 400, "Invalid redir_url"],
      [fetch(url.replace(/\/sources\/[0-9a-f]{24}\//, `/sources/${"0".repeat(24)}/`), formPost({ email: "a@b.co" })), 404, "Flow or source not found"],
    ];
    for (const [pending, status, message] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await res.text();
      if (typeof message === "string") expect(text).toBe(message);
      else expect(text).toMatch(message);
    }
  });
});
