#!/usr/bin/env node
// `npm run bench:import`: a batch import of `gen-leads.mjs 1000000` into PostgreSQL through the HTTP
// API of a production build (POST .../imports?auto=1, the in-process worker validating and
// importing), timed next to `psql \copy` of the same file into a plain table in the same run.
// Prints time and rows/s to staged, validated and imported, and the server's peak RSS.
// Not a test. Settings (env): BENCH_DATABASE_URL, BENCH_ROWS, BENCH_SKIP_BUILD=1, NEXT_DIST_DIR
// (default .next-import), BENCH_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app),
// BENCH_FORMAT=xlsx (upload the same rows as an .xlsx workbook, written once with exceljs' streaming
// writer and cached), BENCH_STAGE_ONLY=1 (upload without ?auto=1 and stop once staged), BENCH_KEEP_DB=1
// (keep the database afterwards and print its URL and the import page's path, to profile the page on it;
// drop it yourself), BENCH_MEMORY=1 (the server's memoryUsage() at each phase's peak: V8's heap and what
// lies outside it, from scripts/bench-memory.mjs).
// Scaling out: `--workers N` runs the jobs on N standalone workers (`scripts/worker.ts`, the app's
// in-process worker off) and `--imports K` splits the rows over K files imported at once. More
// workers speed up more imports at once, not one import (its batches run in line order, one job at
// a time). With either option the imports go step by step (upload, mapping, validate, then confirm
// once every import is validated), so the validation and import phases are timed apart.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { cachedFileProblem, generateCsv, generateXlsx } from "./bench-files.mjs";
import { startBenchServer } from "./bench-server.mjs";

const settings = {
  adminUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  rows: Number(process.env.BENCH_ROWS ?? 1_000_000),
  distDir: process.env.NEXT_DIST_DIR || ".next-import",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  workers: Number(argument("--workers") ?? 0),
  imports: Number(argument("--imports") ?? 1),
  format: process.env.BENCH_FORMAT === "xlsx" ? "xlsx" : "csv",
  stageOnly: process.env.BENCH_STAGE_ONLY === "1",
  prepareSql: process.env.BENCH_PREPARE_SQL ?? "",
  keepDb: process.env.BENCH_KEEP_DB === "1",
  memory: process.env.BENCH_MEMORY === "1",
};
const stepByStep = settings.workers > 0 || settings.imports > 1;

function argument(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
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

// One file per import; gen-leads' default seed (42) for the first, so one import is the file it always was.
// A cached file is reused only when it was written whole (bench-files.mjs).
async function generate() {
  const rows = Math.floor(settings.rows / settings.imports);
  const files = [];
  for (let i = 0; i < settings.imports; i++) {
    const seed = 42 + i;
    const file = seed === 42 ? `${work}/leads-${rows}.csv` : `${work}/leads-${rows}-seed${seed}.csv`;
    const problem = cachedFileProblem(file, rows);
    if (problem !== null) {
      console.log(`Generating ${rows} rows (seed ${seed}; cached file: ${problem}) ...`);
      await generateCsv(file, { rows, seed });
    }
    files.push(file);
  }
  return files;
}

/** BENCH_FORMAT=xlsx: the same rows as a workbook, uploaded instead of the CSV (psql still copies the CSV). */
async function uploadFiles(csvFiles) {
  if (settings.format !== "xlsx") return csvFiles;
  const rows = Math.floor(settings.rows / settings.imports);
  return Promise.all(
    csvFiles.map(async (csv) => {
      const file = csv.replace(/\.csv$/, ".xlsx");
      const problem = cachedFileProblem(file, rows);
      if (problem !== null) {
        console.log(`Writing ${file} (cached file: ${problem}) ...`);
        await generateXlsx(csv, file, rows);
      }
      return file;
    }),
  );
}

function build() {
  console.log(`Building into ${settings.distDir} (log: ${work}/build.log) ...`);
  const log = openSync(`${work}/build.log`, "w");
  const result = spawnSync("npm", ["run", "-s", "build"], { stdio: ["ignore", log, log], env });
  if (result.status !== 0) throw new Error(`next build failed:\n${readFileSync(`${work}/build.log`, "utf8").slice(-3000)}`);
}

function psqlCopy(url, files) {
  const columns = readFileSync(files[0], { encoding: "utf8", end: 4096 }).split(/\r?\n/)[0].split(",").length;
  execFileSync("psql", [url, "-q", "-c", `create table plain_copy (${Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(", ")})`]);
  const started = performance.now();
  for (const file of files) execFileSync("psql", [url, "-q", "-c", `\\copy plain_copy from '${file}' with (format csv, header true)`]);
  return (performance.now() - started) / 1000;
}

function seed(url) {
  const out = execFileSync("npx", ["tsx", "db/seed.ts"], { env: { ...env, DATABASE_URL: url, LEADPORT_SECRET: secret, LOG_LEVEL: "warn" }, encoding: "utf8" });
  const flow = JSON.parse(out.trim().split("\n").at(-1)).flows[0];
  return { flowId: flow.id, sourceId: flow.sources[0].id, apiKey: flow.sources[0].apiKey, docsToken: new URL(flow.sources[0].docsUrl).pathname.split("/").pop() };
}

/** One page load in ms, the whole body read; null unless it answered 200. */
async function timeLoad(url) {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status === 200 ? performance.now() - start : null;
}

/**
 * Times page loads (issue #14: a page must load as fast under a running import as otherwise): each
 * URL in turn, once a second, until stopped. Returns the times in ms per URL.
 */
function samplePages(urls) {
  const samples = urls.map(() => []);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const [i, url] of urls.entries()) samples[i].push(await timeLoad(url));
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return { stop: async () => ((stopped = true), await loop, samples.map((s) => s.filter((ms) => ms !== null))) };
}

/** The same pages loaded `rounds` times in a row, for the figures with no import running. */
async function samplePagesFor(urls, rounds) {
  const samples = urls.map(() => []);
  for (let round = 0; round < rounds; round++) for (const [i, url] of urls.entries()) samples[i].push(await timeLoad(url));
  return samples.map((s) => s.filter((ms) => ms !== null));
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const secret = randomBytes(32).toString("hex");
// Other engineers share the machine: the load when the import started is printed next to the figures.
let loadAtStart = os.loadavg();

function startServer(url) {
  if (settings.memory) rmSync(memoryFile, { force: true });
  return startBenchServer({
    env: {
      ...env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      LEADPORT_SECRET: secret,
      MIGRATE_ON_START: "true",
      LOG_LEVEL: "warn",
      // --imports N uploads N files to one source at once: past the default of 2 they would get 429.
      IMPORT_MAX_ACTIVE_PER_SOURCE: String(Math.max(2, settings.imports)),
      // A million-row workbook unpacks to more than the default 512 MB (its XML is wordier than CSV).
      ...(settings.format === "xlsx" ? { IMPORT_MAX_BYTES: process.env.IMPORT_MAX_BYTES ?? String(4 * 2 ** 30) } : {}),
      ...(settings.workers > 0 ? { WORKER_IN_PROCESS: "false" } : {}),
      ...(settings.memory ? { BENCH_MEMORY_FILE: memoryFile } : {}),
    },
    logFile: `${work}/server.log`,
    extraFlags: [
      ...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean),
      ...(settings.memory ? ["--import", fileURLToPath(new URL("./bench-memory.mjs", import.meta.url))] : []),
    ],
  });
}

const memoryFile = `${work}/memory.jsonl`;

/** BENCH_MEMORY=1: the server's memoryUsage() sample at the RSS peak of each phase (starts: phase -> ms). */
function memoryAtPeaks(starts) {
  const samples = readFileSync(memoryFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
  const order = Object.entries(starts).sort((a, b) => a[1] - b[1]);
  const phaseAt = (t) => order.filter(([, start]) => start <= t).at(-1)?.[0] ?? "idle";
  const peaks = new Map();
  for (const sample of samples) {
    const phase = phaseAt(sample.t);
    if (!peaks.has(phase) || sample.rss > peaks.get(phase).rss) peaks.set(phase, sample);
  }
  return [...peaks].filter(([phase]) => phase !== "done");
}

// `--workers N`: standalone workers (node --import tsx, so the pid is the worker's own), each logging to a file.
async function startWorkers(url) {
  const workers = [];
  for (let i = 1; i <= settings.workers; i++) {
    const logFile = `${work}/worker-${i}.log`;
    const log = openSync(logFile, "w");
    const process_ = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...env, NODE_ENV: "production", DATABASE_URL: url, LEADPORT_SECRET: secret, LOG_LEVEL: "info" },
      stdio: ["ignore", log, log],
    });
    workers.push({ process: process_, logFile });
  }
  for (const { process: worker, logFile } of workers) {
    for (let waited = 0; !readFileSync(logFile, "utf8").includes('"import worker started"'); waited += 250) {
      if (worker.exitCode !== null || waited > 60_000) throw new Error(`worker did not start; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return workers.map((w) => w.process);
}

// CPU seconds (user + system, from /proc) of some processes, sampled twice a second so that
// PostgreSQL backends that come and go (the pool closes idle ones) count until they exit. CPU per
// lead is the figure that survives a busy, shared machine; wall time depends on what else runs.
function watchCpu(pidsOf) {
  const seen = new Map();
  const marks = {};
  const sample = async () => {
    for (const pid of await pidsOf()) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        seen.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // clock ticks, 100 per second on Linux
      } catch {
        // gone, or not Linux
      }
    }
  };
  const timer = setInterval(() => void sample().catch(() => {}), 500);
  return {
    async mark(name) {
      await sample();
      marks[name] = [...seen.values()].reduce((sum, v) => sum + v, 0);
    },
    marks,
    stop: () => clearInterval(timer),
  };
}

async function backendPids(admin, databaseName) {
  const { rows } = await admin.query("select pid from pg_stat_activity where datname = $1", [databaseName]);
  return rows.map((r) => r.pid);
}

// Resident memory of the server's whole process tree, sampled every 100 ms: the peak of each phase.
function watchRss(pid) {
  let peak = 0;
  let phase = "idle";
  const peaks = {};
  const starts = {};
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
  return { phase: (name) => ((phase = name), (starts[name] = Date.now())), peaks, starts, stop: () => (clearInterval(timer), peak) };
}

/**
 * POSTs a file as a streamed body with node:http, not fetch: the 201 comes once the file is staged,
 * and fetch gives up waiting for it after 300 s (undici's headersTimeout), which a large workbook
 * passes. The server's own requestTimeout (300 s, Node's default) still applies to a CSV body.
 */
function postFile(url, file, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-type": contentType(), "content-length": String(statSync(file).size) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    createReadStream(file, { highWaterMark: 256 * 1024 }).on("error", reject).pipe(req);
  });
}

const contentType = () => (settings.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");

async function runImport(baseUrl, target, file, rss) {
  rss.phase("staging");
  const auth = `Basic ${Buffer.from(`API:${target.apiKey}`).toString("base64")}`;
  const started = performance.now();
  const query = settings.stageOnly ? "" : "?auto=1";
  const res = await postFile(`${baseUrl}/api/flows/${target.flowId}/sources/${target.sourceId}/imports${query}`, file, { authorization: auth, "x-file-name": `leads.${settings.format}` });
  const text = res.text;
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${text.slice(0, 2000)}`);
  const created = JSON.parse(text);
  const times = { staged: (performance.now() - started) / 1000 };
  if (settings.stageOnly) {
    const view = await (await fetch(`${baseUrl}/api/imports/${created.id}`, { headers: { authorization: auth } })).json();
    return { times, view };
  }
  rss.phase("validation");
  // The import's own page and the source's Submission Docs, as the source sees them, while it runs.
  const pages = [`${baseUrl}/docs/${target.docsToken}/imports/${created.id}`, `${baseUrl}/docs/${target.docsToken}`];
  const during = samplePages(pages);
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const view = await (await fetch(`${baseUrl}/api/imports/${created.id}`, { headers: { authorization: auth } })).json();
    const at = (performance.now() - started) / 1000;
    if (times.validated === undefined && ["importing", "completed"].includes(view.status)) {
      times.validated = at;
      rss.phase("import");
    }
    if (!["validating", "importing"].includes(view.status)) {
      const busy = await during.stop();
      const idle = await samplePagesFor(pages, 40);
      return { times: { ...times, imported: at }, view, pageLoads: { pages: ["import page", "Submission Docs"], busy, idle } };
    }
  }
}

// With --workers or --imports: every file uploaded at once, then each step for all imports together,
// so "validation" and "import" are the times from the first start to the last finish of that phase.
async function runImportsStepByStep(baseUrl, target, files, rss) {
  rss.phase("staging");
  const auth = `Basic ${Buffer.from(`API:${target.apiKey}`).toString("base64")}`;
  const api = async (path, init = {}) => {
    const res = await fetch(`${baseUrl}/api${path}`, { ...init, headers: { authorization: auth, ...(init.body ? { "content-type": "application/json" } : {}) } });
    const body = await res.json();
    if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const waitFor = async (ids, done) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const views = await Promise.all(ids.map((id) => api(`/imports/${id}`)));
      const failed = views.find((v) => ["failed", "cancelled"].includes(v.status));
      if (failed) throw new Error(`import ${failed.id} ${failed.status}: ${failed.message}`);
      if (views.every(done)) return views;
    }
  };
  const started = performance.now();
  const at = () => (performance.now() - started) / 1000;
  const created = await Promise.all(
    files.map(async (file, i) => {
      const res = await postFile(`${baseUrl}/api/flows/${target.flowId}/sources/${target.sourceId}/imports`, file, { authorization: auth, "x-file-name": `leads-${i + 1}.${settings.format}` });
      if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.text.slice(0, 2000)}`);
      return JSON.parse(res.text).id;
    }),
  );
  const times = { staged: at() };
  if (settings.stageOnly) return { times, view: combine(await Promise.all(created.map((id) => api(`/imports/${id}`)))) };
  rss.phase("validation");
  for (const id of created) {
    const { columns } = await api(`/imports/${id}/mapping`);
    await api(`/imports/${id}/mapping`, { method: "PUT", body: JSON.stringify({ mapping: columns.map(({ column, fieldId }) => ({ column, fieldId })) }) });
    await api(`/imports/${id}/validate`, { method: "POST" });
  }
  await waitFor(created, (v) => v.status === "validated");
  times.validated = at();
  rss.phase("import");
  for (const id of created) await api(`/imports/${id}/confirm`, { method: "POST", body: JSON.stringify({ mode: "all" }) });
  const views = await waitFor(created, (v) => v.status === "completed");
  return { times: { ...times, imported: at() }, view: combine(views) };
}

/** Several imports' JSON as one, for the report. */
function combine(views) {
  const sum = (key) => views.reduce((n, v) => n + v[key], 0);
  const outcomes = Object.fromEntries(["success", "failure", "error"].map((k) => [k, views.reduce((n, v) => n + v.outcomes[k], 0)]));
  return { rows: sum("rows"), invalid: sum("invalid"), duplicates: sum("duplicates"), outcomes, status: [...new Set(views.map((v) => v.status))].join(", ") };
}

function report({ copySeconds, times, view, pageLoads, peakRss, peaks, phaseStarts, fileBytes, workerRss, cpu }) {
  const rows = view.rows;
  const phase = (name, seconds) => `${name.padEnd(26)} ${seconds.toFixed(1).padStart(7)} s ${String(Math.round(rows / seconds)).padStart(9)} rows/s ${(seconds / copySeconds).toFixed(1).padStart(6)}x psql`;
  console.log(`\nLeadport import benchmark, ${new Date().toISOString()}`);
  const load = (values) => values.map((l) => l.toFixed(1)).join(" ");
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${load(loadAtStart)} at the start, ${load(os.loadavg())} at the end${process.env.NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ""}`);
  console.log(`File: ${rows} rows, ${(fileBytes / 2 ** 20).toFixed(0)} MB ${settings.format === "xlsx" ? ".xlsx workbook (psql copies the same rows as CSV)" : "CSV"}${settings.imports > 1 ? `, as ${settings.imports} files imported at once` : ""}${settings.stageOnly ? "; staging only (BENCH_STAGE_ONLY=1)" : ""}`);
  const concurrency = process.env.WORKER_CONCURRENCY ?? "2";
  if (settings.prepareSql) console.log(`Schema experiment (BENCH_PREPARE_SQL): ${settings.prepareSql}`);
  console.log(`Workers: ${settings.workers > 0 ? `${settings.workers} standalone (scripts/worker.ts)` : "in the app process"}, WORKER_CONCURRENCY=${concurrency}`);
  console.log(phase("psql \\copy (plain table)", copySeconds));
  console.log(phase("staged (upload response)", times.staged));
  if (!settings.stageOnly) {
    console.log(phase("validation", times.validated - times.staged));
    console.log(phase("import (flow module)", times.imported - times.validated));
    console.log(phase("whole import", times.imported));
  }
  const mb = (bytes) => `${((bytes ?? 0) / 2 ** 20).toFixed(0)} MB`;
  console.log(`Server peak RSS: ${mb(peakRss)} (idle before the upload ${mb(peaks.idle)}, staging ${mb(peaks.staging)}, validation ${mb(peaks.validation)}, import ${mb(peaks.import)})`);
  if (workerRss.length > 0) console.log(`Worker peak RSS: ${workerRss.map(mb).join(", ")}`);
  if (settings.memory) {
    for (const [phase, m] of memoryAtPeaks(phaseStarts)) {
      const outside = m.anon === null ? "" : `, anonymous ${m.anon} MB of which ${(m.anon - m.heapTotal).toFixed(0)} MB outside V8's heap`;
      console.log(`Memory at the ${phase} peak: RSS ${m.rss} MB, V8 heap ${m.heapTotal} MB (${m.heapUsed} MB used), external ${m.external} MB${outside}`);
    }
  }
  // CPU of the phase: the app's processes (server and workers) and the database's backends.
  const cpuOf = (from, to, seconds) => {
    const app = cpu.app[to] - cpu.app[from];
    const db = cpu.db[to] - cpu.db[from];
    return `app ${app.toFixed(1)} s + PostgreSQL ${db.toFixed(1)} s = ${(((app + db) * 1e6) / rows).toFixed(0)} us per row; ${((app + db) / seconds).toFixed(2)} cores busy on average`;
  };
  console.log(`CPU, staging:    ${cpuOf("staging", settings.stageOnly ? "done" : "validation", times.staged)}`);
  if (settings.stageOnly) {
    console.log(`Result: ${view.status}; ${rows} rows staged`);
    console.log(`Target staging within 6x psql: ${times.staged <= 6 * copySeconds ? "met" : "NOT met"}`);
    writeFileSync(`${work}/result.json`, JSON.stringify({ copySeconds, times, peakRss, peaks, cpu, rows, view, format: settings.format, stageOnly: true }, null, 2));
    return;
  }
  console.log(`CPU, validation: ${cpuOf("validation", "import", times.validated - times.staged)}`);
  console.log(`CPU, import:     ${cpuOf("import", "done", times.imported - times.validated)}`);
  console.log(`Result: ${view.status}; invalid ${view.invalid}, duplicates ${view.duplicates}; outcomes ${JSON.stringify(view.outcomes)}`);
  if (pageLoads) {
    const ms = (values) => `median ${quantile(values, 0.5).toFixed(0)} ms, p95 ${quantile(values, 0.95).toFixed(0)} ms (${values.length} loads)`;
    for (const [i, name] of pageLoads.pages.entries()) {
      console.log(`Page load, ${name}: during the import ${ms(pageLoads.busy[i])}; after it ${ms(pageLoads.idle[i])}`);
    }
  }
  // Issue #12's targets.
  const targets = [
    [`staging within 6x psql`, times.staged <= 6 * copySeconds],
    [`whole import within 40x psql`, times.imported <= 40 * copySeconds],
    [`peak RSS under 300 MB`, peakRss < 300 * 2 ** 20],
  ];
  for (const [name, met] of targets) console.log(`Target ${name}: ${met ? "met" : "NOT met"}`);
  writeFileSync(`${work}/result.json`, JSON.stringify({ copySeconds, times, pageLoads, peakRss, peaks, phaseStarts, workerRss, cpu, rows, view, workers: settings.workers, imports: settings.imports, concurrency }, null, 2));
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
  const files = await generate();
  const uploads = await uploadFiles(files);
  if (!settings.skipBuild) build();
  const name = `lp_bench_import_${randomBytes(4).toString("hex")}`;
  await sql(settings.adminUrl, `create database ${name}`);
  const url = new URL(settings.adminUrl);
  url.pathname = `/${name}`;
  let server;
  let workers = [];
  let kept = null;
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  try {
    console.log("Timing psql \\copy ...");
    const copySeconds = psqlCopy(url.toString(), files);
    const target = seed(url.toString());
    const started = await startServer(url.toString());
    server = started.server;
    workers = await startWorkers(url.toString());
    // An experiment on the schema the server just migrated (say, without one index), to measure what
    // a part of the lead storage costs before changing it for real.
    if (settings.prepareSql) {
      await sql(url.toString(), settings.prepareSql);
      console.log(`Ran BENCH_PREPARE_SQL: ${settings.prepareSql}`);
    }
    const rss = watchRss(server.pid);
    const workerWatches = workers.map((w) => watchRss(w.pid));
    await admin.connect();
    const cpu = { app: watchCpu(async () => [server.pid, ...workers.map((w) => w.pid)]), db: watchCpu(() => backendPids(admin, name)) };
    const marking = [];
    const phases = { phase: (phase) => (rss.phase(phase), marking.push(cpu.app.mark(phase), cpu.db.mark(phase))) };
    await new Promise((r) => setTimeout(r, 3000));
    console.log(`Importing ${settings.rows} rows through ${started.baseUrl} ...`);
    loadAtStart = os.loadavg();
    const { times, view, pageLoads } = stepByStep ? await runImportsStepByStep(started.baseUrl, target, uploads, phases) : await runImport(started.baseUrl, target, uploads[0], phases);
    phases.phase("done");
    await Promise.all(marking);
    cpu.app.stop();
    cpu.db.stop();
    const fileBytes = uploads.reduce((n, f) => n + statSync(f).size, 0);
    report({ copySeconds, times, view, pageLoads, peakRss: rss.stop(), peaks: rss.peaks, phaseStarts: rss.starts, fileBytes, workerRss: workerWatches.map((w) => w.stop()), cpu: { app: cpu.app.marks, db: cpu.db.marks } });
    if (settings.keepDb) kept = { url: url.toString(), page: `/docs/${target.docsToken}/imports/${view.id ?? "{id}"}` };
  } finally {
    for (const child of [server, ...workers]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
    await admin.end().catch(() => {});
    if (kept) console.log(`Kept (BENCH_KEEP_DB=1): DATABASE_URL=${kept.url} LEADPORT_SECRET=${secret} page ${kept.page}; drop it with: drop database ${name} with (force)`);
    else await sql(settings.adminUrl, `drop database if exists ${name} with (force)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
