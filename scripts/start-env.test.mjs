// npm start and npm run worker run with START_ENV (bench-server.mjs): glibc's malloc with a fixed
// mmap threshold, so memory a staged upload freed goes back to the system instead of staying in the
// process for the rest of its life (docs/benchmarks.md, "Memory after staging").
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { START_ENV, START_FLAGS } from "./bench-server.mjs";

const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);

// What staging does to malloc, in small: 512 KB blocks (the pieces of COPY text), forty at a time
// alive until the garbage collector frees them, among small blocks that stay (what the process keeps).
// Prints the anonymous resident memory at the start, at the peak and once every large block is freed.
const workload = `
const { readFileSync } = require("node:fs");
const anon = () => Number(/RssAnon:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]) / 1024;
const start = anon();
const kept = [];
let alive = [];
for (let i = 0; i < 400; i++) {
  alive.push(Buffer.allocUnsafeSlow(512 * 1024 + (i % 7) * 1000).fill(1));
  if (alive.length > 40) alive = alive.slice(-40);
  if (i % 4 === 0) kept.push(Buffer.allocUnsafeSlow(16 * 1024).fill(2));
  if (i % 40 === 0) gc();
}
const peak = anon();
alive = [];
// Collected on a later turn too: what the first collections free depends on how the script was compiled.
gc();
setTimeout(() => {
  gc();
  setTimeout(() => console.log(JSON.stringify({ start, peak, after: anon(), kept: kept.length })), 100);
}, 50);
`;

describe("the production processes' environment", () => {
  it("npm start and npm run worker set START_ENV and START_FLAGS, as the benchmarks start the server", () => {
    for (const name of ["start", "worker"]) {
      for (const [key, value] of Object.entries(START_ENV)) expect(scripts[name]).toContain(`${key}=${value} node `);
      for (const flag of START_FLAGS) expect(scripts[name]).toContain(flag);
    }
  });

  it.skipIf(process.platform !== "linux" || !glibc)("gives freed 512 KB blocks back to the system (glibc)", () => {
    const run = spawnSync(process.execPath, ["--expose-gc", "-e", workload], { env: { ...process.env, ...START_ENV }, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { start, peak, after } = JSON.parse(run.stdout);
    expect(peak - start).toBeGreaterThan(15); // forty 512 KB blocks alive at once
    // Without START_ENV glibc keeps about all of it (51 MB of 51 here): the heap cannot shrink past
    // the small blocks that stay.
    expect(after - start).toBeLessThan((peak - start) / 4);
  });
});
