#!/usr/bin/env node
// `npm run bench:import`: a batch import of `gen-leads.mjs 1000000` into PostgreSQL through the HTTP
// API of a production build (POST .../imports?auto=1, the in-process worker validating and
// importing), timed next to `psql \copy` of the same file into a plain table in the same run.
// Prints time and rows/s to staged, validated and imported, and the server's peak RSS.
// Not a test. Settings (env): BENCH_DATABASE_URL, BENCH_ROWS, BENCH_SKIP_BUILD=1, NEXT_DIST_DIR
// (default .next-import).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";

const settings = {
  adminUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  rows: Number(process.env.BENCH_ROWS ?? 1_000_000),
  distDir: process.env.NEXT_DIST_DIR || ".next-import",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
};
const env = { ...process.env, NEXT_DIST_DIR: settings.distDir, NEXT_TELEMETRY_DISABLED: "1" };
const work = ".data/bench-import";

async function sql(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function generate() {
  const file = `${work}/leads-${settings.rows}.csv`;
  if (!existsSync(file)) {
    console.log(`Generating ${settings.rows} rows ...`);
    const gen = spawn(process.execPath, ["/work/shared/tools/gen-leads.mjs", String(settings.rows)], { stdio: ["ignore", "pipe", "inherit"] });
    await pipeline(gen.stdout, createWriteStream(file));
  }
  return file;
}

function build() {
  console.log(`Building into ${settings.distDir} (log: ${work}/build.log) ...`);
  const log = openSync(`${work}/build.log`, "w");
  const result = spawnSync("npx", ["next", "build"], { stdio: ["ignore", log, log], env });
  if (result.status !== 0) throw new Error(`next build failed:\n${readFileSync(`${work}/build.log`, "utf8").slice(-3000)}`);
}

function psqlCopy(url, file) {
  const columns = readFileSync(file, { encoding: "utf8", end: 4096 }).split(/\r?\n/)[0].split(",").length;
  execFileSync("psql", [url, "-q", "-c", `create table plain_copy (${Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(", ")})`]);
  const started = performance.now();
  execFileSync("psql", [url, "-q", "-c", `\\copy plain_copy from '${file}' with (format csv, header true)`]);
  return (performance.now() - started) / 1000;
}

function seed(url) {
  const out = execFileSync("npx", ["tsx", "db/seed.ts"], { env: { ...env, DATABASE_URL: url, LEADPORT_SECRET: secret, LOG_LEVEL: "warn" }, encoding: "utf8" });
  const flow = JSON.parse(out.trim().split("\n").at(-1)).flows[0];
  return { flowId: flow.id, sourceId: flow.sources[0].id, apiKey: flow.sources[0].apiKey };
}

const secret = randomBytes(32).toString("hex");

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function startServer(url) {
  const port = await freePort();
  const log = openSync(`${work}/server.log`, "w");
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NODE_ENV: "production", DATABASE_URL: url, LEADPORT_SECRET: secret, MIGRATE_ON_START: "true", LOG_LEVEL: "warn" },
    stdio: ["ignore", log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (server.exitCode !== null) throw new Error(`next start exited; see ${work}/server.log`);
    if (await fetch(`${baseUrl}/login`).then((r) => r.status < 500, () => false)) return { server, baseUrl };
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGTERM");
  throw new Error("next start did not answer within 60 s");
}

// Resident memory of the server's whole process tree, sampled every 100 ms: the peak of each phase.
function watchRss(pid) {
  let peak = 0;
  let phase = "idle";
  const peaks = {};
  const tree = (p) => {
    const children = readdirSync(`/proc/${p}/task`).flatMap((t) => {
      try {
        return readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      } catch {
        return [];
      }
    });
    return [p, ...children.flatMap(tree)];
  };
  const rssOf = (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
  const timer = setInterval(() => {
    try {
      const rss = tree(pid).reduce((sum, p) => sum + rssOf(p), 0);
      peak = Math.max(peak, rss);
      peaks[phase] = Math.max(peaks[phase] ?? 0, rss);
    } catch {
      // a process ended between listing and reading
    }
  }, 100);
  return { phase: (name) => (phase = name), peaks, stop: () => (clearInterval(timer), peak) };
}

async function runImport(baseUrl, target, file, rss) {
  rss.phase("staging");
  const auth = `Basic ${Buffer.from(`API:${target.apiKey}`).toString("base64")}`;
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/flows/${target.flowId}/sources/${target.sourceId}/imports?auto=1`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "text/csv", "content-length": String(statSync(file).size), "x-file-name": "leads.csv" },
    body: Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })),
    duplex: "half",
  });
  const created = await res.json();
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(created)}`);
  const times = { staged: (performance.now() - started) / 1000 };
  rss.phase("validation");
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const view = await (await fetch(`${baseUrl}/api/imports/${created.id}`, { headers: { authorization: auth } })).json();
    const at = (performance.now() - started) / 1000;
    if (times.validated === undefined && ["importing", "completed"].includes(view.status)) {
      times.validated = at;
      rss.phase("import");
    }
    if (!["validating", "importing"].includes(view.status)) return { times: { ...times, imported: at }, view };
  }
}

function report({ copySeconds, times, view, peakRss, peaks, fileBytes }) {
  const rows = view.rows;
  const phase = (name, seconds) => `${name.padEnd(26)} ${seconds.toFixed(1).padStart(7)} s ${String(Math.round(rows / seconds)).padStart(9)} rows/s ${(seconds / copySeconds).toFixed(1).padStart(6)}x psql`;
  console.log(`\nLeadport import benchmark, ${new Date().toISOString()}`);
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`File: ${rows} rows, ${(fileBytes / 2 ** 20).toFixed(0)} MB`);
  console.log(phase("psql \\copy (plain table)", copySeconds));
  console.log(phase("staged (upload response)", times.staged));
  console.log(phase("validation", times.validated - times.staged));
  console.log(phase("import (flow module)", times.imported - times.validated));
  console.log(phase("whole import", times.imported));
  const mb = (bytes) => `${((bytes ?? 0) / 2 ** 20).toFixed(0)} MB`;
  console.log(`Server peak RSS: ${mb(peakRss)} (idle before the upload ${mb(peaks.idle)}, staging ${mb(peaks.staging)}, validation ${mb(peaks.validation)}, import ${mb(peaks.import)})`);
  console.log(`Result: ${view.status}; invalid ${view.invalid}, duplicates ${view.duplicates}; outcomes ${JSON.stringify(view.outcomes)}`);
  const targets = [
    [`staging within 3x psql`, times.staged <= 3 * copySeconds],
    [`whole import within 10x psql`, times.imported <= 10 * copySeconds],
    [`peak RSS under 400 MB`, peakRss < 400 * 2 ** 20],
  ];
  for (const [name, met] of targets) console.log(`Target ${name}: ${met ? "met" : "NOT met"}`);
  writeFileSync(`${work}/result.json`, JSON.stringify({ copySeconds, times, peakRss, peaks, rows, view }, null, 2));
}

async function main() {
  mkdirSync(work, { recursive: true });
  // `next build` and `next start` add the dist folder's types to tsconfig.json; leave it as it was.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await benchmark();
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
}

async function benchmark() {
  const file = await generate();
  if (!settings.skipBuild) build();
  const name = `lp_bench_import_${randomBytes(4).toString("hex")}`;
  await sql(settings.adminUrl, `create database ${name}`);
  const url = new URL(settings.adminUrl);
  url.pathname = `/${name}`;
  let server;
  try {
    console.log("Timing psql \\copy ...");
    const copySeconds = psqlCopy(url.toString(), file);
    const target = seed(url.toString());
    const started = await startServer(url.toString());
    server = started.server;
    const rss = watchRss(server.pid);
    await new Promise((r) => setTimeout(r, 3000));
    console.log(`Importing ${settings.rows} rows through ${started.baseUrl} ...`);
    const { times, view } = await runImport(started.baseUrl, target, file, rss);
    report({ copySeconds, times, view, peakRss: rss.stop(), peaks: rss.peaks, fileBytes: statSync(file).size });
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await sql(settings.adminUrl, `drop database if exists ${name} with (force)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
