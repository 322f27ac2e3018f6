// Starts one production server (`scripts/start.mjs`, as `npm start`; built beforehand by
// scripts/test.mjs) on its own database for the browser tests, and stops it afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../helpers/test-database";
import { freePort, waitForHttp } from "../helpers/server";

export const DEMO_PASSWORD = "e2e-demo-password";

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("lp_e2e");
  const dataRoot = mkdtempSync(join(tmpdir(), "leadport-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url ?? "",
      LEADPORT_DATA_DIR: join(dataRoot, "pglite"),
      LEADPORT_SECRET: "e2e-secret-0123456789abcdef0123456789",
      APP_URL: baseUrl,
      DEMO_PASSWORD,
      SEED_DEMO: "true",
      MIGRATE_ON_START: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`${baseUrl}/login`, 120_000);
  project.provide("baseUrl", baseUrl);
  return async () => {
    server?.kill("SIGTERM");
    await new Promise((resolve) => server?.once("exit", resolve));
    await database.drop();
    rmSync(dataRoot, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
