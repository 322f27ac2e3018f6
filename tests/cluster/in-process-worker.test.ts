// The default small deployment: one app process (`npm start`) that runs imports in its in-process
// worker. It gets SIGTERM mid-import (a deploy): it must hand the import back after the batch in
// progress and exit, and the next app process must finish it, every data line exactly once.
// Needs PostgreSQL (DATABASE_URL) and a production build, like cluster.test.ts.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { Agent, get, type IncomingMessage } from "node:http";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import type { Target } from "./leads";
import { startApp, stopProcess, waitFor, type App, type Proc } from "./processes";
import { generateCsv, importStates, upload, type ImportState } from "./support";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const ready = Boolean(process.env.DATABASE_URL) && existsSync(join(distDir, "BUILD_ID"));

// Large enough that the import is still running when the signal lands, however fast the machine.
const ROWS = 60_000;

describe.skipIf(!ready)("an app process with its in-process worker, stopped mid-import", () => {
  let database: TestDatabase;
  let db: pg.Client;
  const apps: App[] = [];
  let importId: string;
  let stop: { exit: Awaited<Proc["exited"]>; ms: number; atStop: ImportState; log: Proc["logs"] };
  let idleConnection: { before: number; after: { status: number; connection: string | undefined; reusedSocket: boolean } | Error };
  let final: ImportState;

  beforeAll(async () => {
    database = await createTestDatabase("lp_inproc");
    const logDir = ".data/test-results/in-process-worker";
    mkdirSync(logDir, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      LEADPORT_SECRET: "in-process-test-secret-0123456789abcdef",
      SEED_DEMO: "false",
      MIGRATE_ON_START: "false",
      WORKER_IN_PROCESS: "true",
      WORKER_CONCURRENCY: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const seeded = execFileSync(process.execPath, ["--import", "tsx", "db/seed.ts"], { env: { ...env, LOG_LEVEL: "warn" }, encoding: "utf8" });
    const flow = JSON.parse(seeded.trim().split("\n").at(-1)!).flows[0];
    const target: Target = { flowId: flow.id, sourceId: flow.sources[0].id, apiKey: flow.sources[0].apiKey };
    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    const first = await startApp("app-1", env, logDir);
    apps.push(first);
    importId = (await upload(first, target, generateCsv("in-process.csv", ROWS, 11))).id;
    const state = async () => (await importStates(db, [importId]))[0]!;
    await waitFor(async () => (await state()).processed > 0, 120_000, "the import to start importing", first);

    // A keep-alive connection, idle when the signal lands; the next request on it comes 300 ms later.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = (await healthz(first.baseUrl, agent)).status;
    const signalled = Date.now();
    first.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    idleConnection = { before, after: await healthz(first.baseUrl, agent).catch((error: Error) => error) };
    agent.destroy();
    const exit = await first.exited;
    stop = { exit, ms: Date.now() - signalled, atStop: await state(), log: first.logs };

    const second = await startApp("app-2", env, logDir);
    apps.push(second);
    await waitFor(async () => (await state()).status === "completed", 180_000, "the next process to finish the import", second);
    final = await state();
  }, 300_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => stopProcess(app, "SIGKILL")));
    await db?.end();
    await database?.drop();
  }, 60_000);

  it("exits with 143 soon after SIGTERM, handing the import back after the batch in progress", () => {
    expect(stop.exit.code).toBe(143);
    expect(stop.ms).toBeLessThan(30_000);
    expect(stop.atStop.processed).toBeLessThan(stop.atStop.rows); // it really stopped mid-import
    const ended = stop.log.filter((l) => l.msg === "import job slice ended" && l.importId === importId);
    expect(ended.at(-1)).toMatchObject({ handedBack: true });
    expect(stop.log.map((l) => l.msg)).toEqual(expect.arrayContaining(["shutting down: finishing requests in flight and import batches", "stopped"]));
  });

  it("answers a request sent on an idle keep-alive connection after SIGTERM, then closes it", () => {
    expect(idleConnection.before).toBe(200);
    expect(idleConnection.after).toEqual({ status: 200, connection: "close", reusedSocket: true });
  });

  it("is finished by the next app process, every data line with exactly one lead", async () => {
    expect(final).toMatchObject({ status: "completed", rows: ROWS, processed: ROWS });
    const { rows } = await db.query<{ leads: number; lines: number }>(
      "select count(*)::int as leads, count(distinct import_line)::int as lines from leads where import_id = $1",
      [importId],
    );
    expect(rows[0]).toEqual({ leads: ROWS, lines: ROWS });
  });
});

async function healthz(baseUrl: string, agent: Agent): Promise<{ status: number; connection: string | undefined; reusedSocket: boolean }> {
  const req = get(`${baseUrl}/healthz`, { agent });
  const [res] = (await once(req, "response")) as [IncomingMessage];
  res.resume();
  await once(res, "end");
  return { status: res.statusCode!, connection: res.headers.connection, reusedSocket: req.reusedSocket };
}
