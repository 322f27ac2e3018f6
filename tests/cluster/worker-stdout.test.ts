// A standalone worker whose stdout reader has gone (a log shipper restarted, a closed pipe) must still
// stop on SIGTERM. It used to hang in process.exit, flushing logs to the broken pipe, until SIGKILL.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

describe.skipIf(!process.env.DATABASE_URL)("a worker whose stdout was closed", () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase("lp_stdout");
    env = { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, LEADPORT_SECRET: "stdout-test-secret-0123456789abcdef01", LOG_LEVEL: "info" };
    execFileSync(process.execPath, ["--import", "tsx", "db/migrate.ts"], { env, stdio: "ignore" });
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
  });

  it("still stops on SIGTERM, with exit code 0", async () => {
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "pipe", "ignore"] });
    const exited = once(worker, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    let output = "";
    worker.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes("import worker started") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain("import worker started");
    worker.stdout!.destroy(); // the reader goes away
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    worker.kill("SIGTERM");
    const killer = setTimeout(() => worker.kill("SIGKILL"), 20_000);
    const [code, signal] = await exited;
    clearTimeout(killer);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(20_000);
  }, 120_000);
});
