#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests run on PGlite, or on PostgreSQL when
// DATABASE_URL is set; browser tests run against a production build when Chromium is installed
// (always in CI, where a missing Chromium is a failure); the cluster test (two app processes and
// two workers) runs against the same build when DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { buildIsCurrent, recordBuild, sourceStamp } from "./build-stamp.mjs";

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
  rmSync(output, { force: true });
  const status = run("npx", args);
  // A run that never wrote its report, or ran no test (a global setup that never settled exits 0
  // that way), is a failure, not a pass.
  if (!existsSync(output)) {
    console.error(`\nvitest (${projects.join(", ")}) wrote no report: it did not run the tests.`);
    return status || 1;
  }
  const report = JSON.parse(readFileSync(output, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) {
    console.error(`\nvitest (${projects.join(", ")}) ran no test.`);
    return status || 1;
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

// The browser tests and the cluster test (PostgreSQL only: PGlite is one process) share one build,
// and a later run reuses it while nothing it was built from has changed (scripts/build-stamp.mjs).
let buildStatus;
const build = () => (buildStatus ??= buildOnce());

function buildOnce() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const stamp = sourceStamp();
  if (buildIsCurrent(distDir, stamp)) {
    console.log(`\nReusing the production build in ${distDir}: nothing it was built from has changed.`);
    return 0;
  }
  const status = run("npm", ["run", "-s", "build"]);
  if (status === 0) recordBuild(distDir, stamp);
  return status;
}

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
