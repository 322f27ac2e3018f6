#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests run on PGlite, or on PostgreSQL when
// DATABASE_URL is set; browser tests run against a production build when Chromium is installed
// (always in CI, where a missing Chromium is a failure); the cluster test (two app processes and
// two workers) runs against the same build when DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync(".data/test-results", { recursive: true });

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function vitest(name, projects) {
  const output = `.data/test-results/${name}.json`;
  const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile=${output}`];
  const status = run("npx", args);
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8"));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  return status;
}

function finish(status) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(status === 0 && totals.failed === 0 ? 0 : status || 1);
}

const engine = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite";
console.log(`Running the test suite on ${engine}.`);
const status = vitest("unit-integration", ["unit", "integration"]);
if (status !== 0) finish(status);

// The browser tests and the cluster test (PostgreSQL only: PGlite is one process) share one build.
let buildStatus;
const build = () => (buildStatus ??= run("npm", ["run", "-s", "build"]));

let browserStatus = 0;
if (existsSync(chromium)) {
  browserStatus = build() || vitest("e2e", ["e2e"]);
} else if (process.env.CI) {
  console.error(`Chromium not found at ${chromium}: CI must run the browser tests (scripts/install-chromium.sh).`);
  browserStatus = 1;
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium}. Install it with: sudo scripts/install-chromium.sh`);
}

let clusterStatus = 0;
if (process.env.DATABASE_URL) {
  clusterStatus = build() || vitest("cluster", ["cluster"]);
} else {
  console.log("\nCluster test skipped: it runs several processes on one database, so it needs PostgreSQL (DATABASE_URL).");
}
finish(browserStatus || clusterStatus);
