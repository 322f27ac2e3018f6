// npm start's server takes REQUEST_TIMEOUT_SECONDS as its requestTimeout (Node's own 300 s cut large
// uploads off with a bare 408). Here the setting is 2 s and a client sends half a request: the server
// answers 408 on Node's next connection check (every 30 s), before the 60 s headers timeout would.
// Needs PostgreSQL (DATABASE_URL) and a production build, like cluster.test.ts.
import { existsSync, mkdirSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { startApp, stopProcess, type App } from "./processes";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const ready = Boolean(process.env.DATABASE_URL) && existsSync(join(distDir, "BUILD_ID"));
const HEADERS_TIMEOUT_MS = 60_000; // Node's default, which would answer 408 too if the setting were not applied

describe.skipIf(!ready)("the server's request timeout", () => {
  let database: TestDatabase;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase("lp_timeout");
    const logDir = ".data/test-results/request-timeout";
    mkdirSync(logDir, { recursive: true });
    app = await startApp("app", {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      LEADPORT_SECRET: "request-timeout-test-secret-0123456789ab",
      SEED_DEMO: "false",
      WORKER_IN_PROCESS: "false",
      REQUEST_TIMEOUT_SECONDS: "2",
      NEXT_TELEMETRY_DISABLED: "1",
    }, logDir);
  }, 120_000);

  afterAll(async () => {
    if (app) await stopProcess(app);
    await database?.drop();
  });

  it("answers 408 to a request still arriving after REQUEST_TIMEOUT_SECONDS", async () => {
    const { port } = new URL(app.baseUrl);
    const socket = connect(Number(port), "127.0.0.1");
    const started = Date.now();
    let reply = "";
    socket.on("data", (chunk: Buffer) => (reply += chunk.toString("latin1")));
    socket.write("POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"); // no blank line: never finished
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS);
  }, 90_000);
});
