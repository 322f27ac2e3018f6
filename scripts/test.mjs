#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests run on PGlite, or on PostgreSQL when
// DATABASE_URL is set; browser tests run against a production build when Chromium is installed
// (always in CI, where a missing Chromium is a failure).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const engine = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite";
console.log(`Running the test suite on ${engine}.`);
run("npx", ["vitest", "run", "--project", "unit", "--project", "integration"]);

if (existsSync(chromium)) {
  run("npx", ["next", "build"]);
  run("npx", ["vitest", "run", "--project", "e2e"]);
} else if (process.env.CI) {
  console.error(`Chromium not found at ${chromium}: CI must run the browser tests (scripts/install-chromium.sh).`);
  process.exit(1);
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium}. Install it with: sudo scripts/install-chromium.sh`);
}
