// The production server as the benchmarks start it: `scripts/start.mjs` with the V8 flags `npm start`
// passes (package.json), on a free port, its output in a log file. Shared by bench-submit and
// bench-import so both measure what a deployment runs.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { createServer } from "node:net";

// As in package.json's start script: a 4 MB young generation and a 768 MB old-generation ceiling,
// which keep an importing process's peak RSS under 400 MB (docs/benchmarks.md).
export const START_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=768"];

// As in package.json's start and worker scripts: glibc's malloc with a fixed mmap threshold, so every
// block of 128 KB or more (a staged upload's 512 KB pieces of COPY text, pg's large messages) is
// mapped on its own and given back to the system when freed. By default glibc raises the threshold
// to the largest block freed so far (up to 32 MB) and its trim threshold to twice that, so after the
// first piece is freed the pieces come from the heaps, which then stay grown: a 1,000,000-row staging
// left 60 MB behind for the rest of the process's life and took the import's peak RSS to 311 MB.
// Other C libraries ignore the variable (docs/benchmarks.md, "Memory after staging").
export const START_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts the server and waits (60 s at most) until /healthz answers. extraFlags go to node. */
export async function startBenchServer({ env, logFile, extraFlags = [] }) {
  const port = await freePort();
  const log = openSync(logFile, "w");
  const server = spawn(process.execPath, [...START_FLAGS, ...extraFlags, "scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...START_ENV, ...env },
    stdio: ["ignore", log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (server.exitCode !== null) throw new Error(`the server exited; see ${logFile}`);
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) return { server, baseUrl };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopBenchServer(server);
  throw new Error(`the server did not answer within 60 s; see ${logFile}`);
}

export async function stopBenchServer(server) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
