// Starts one production server (`scripts/start.mjs`, as `npm start`; built beforehand by
// scripts/test.mjs) on its own database for the browser tests, and stops it afterwards.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../helpers/test-database";
import { freePort, waitForHttp } from "../helpers/server";

export const DEMO_PASSWORD = "e2e-demo-password";
export const OWNER_EMAIL = "owner@acme.example";

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("lp_e2e");
  const dataRoot = mkdtempSync(join(tmpdir(), "leadport-e2e-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: database.url ?? "",
    LEADPORT_DATA_DIR: join(dataRoot, "pglite"),
    LEADPORT_SECRET: "e2e-secret-0123456789abcdef0123456789",
    APP_URL: baseUrl,
    DEMO_PASSWORD,
    SEED_DEMO: "true",
    MIGRATE_ON_START: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The demo (which the server would seed only into an empty database), then the first account of a
  // production deploy made as the README says; both before the server starts (PGlite allows one
  // process at a time).
  const script = (file: string, args: string[] = []) =>
    execFileSync(process.execPath, ["--import", "tsx", file, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  script("db/seed.ts");
  const created = JSON.parse(script("scripts/account-create.ts", ["--email", OWNER_EMAIL, "--name", "Acme Leads"])) as { setupUrl: string };
  server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`${baseUrl}/login`, 120_000);
  project.provide("baseUrl", baseUrl);
  project.provide("ownerSetupUrl", created.setupUrl);
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
    ownerSetupUrl: string;
  }
}
