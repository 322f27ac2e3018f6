#!/usr/bin/env node
// `npm run bench:submit`: sustained leads/s and p50/p99 latency of the real-time API on a production
// build over PostgreSQL, for the demo flow (acceptance criteria + 30-day dedupe), measured next to a
// trivial route (GET /healthz) in the same run so the numbers can be compared across machines.
// Not a test. Settings (env): BENCH_DATABASE_URL, BENCH_DURATION (s), BENCH_CONNECTIONS,
// BENCH_DUPLICATE_EVERY, BENCH_RATE (the steady phase's offered leads/s, default 1500),
// BENCH_SKIP_BUILD=1, NEXT_DIST_DIR (default .next-bench-submit), BENCH_NODE_FLAGS.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchServer, stopBenchServer } from "./bench-server.mjs";

const settings = {
  adminUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  distDir: process.env.NEXT_DIST_DIR || ".next-bench-submit",
  duration: Number(process.env.BENCH_DURATION ?? 30),
  warmup: 5,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  duplicateEvery: Number(process.env.BENCH_DUPLICATE_EVERY ?? 20),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  rate: Number(process.env.BENCH_RATE ?? 1500),
};
// BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
// Node flags on top of the ones `npm start` passes (bench-server.mjs).
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
const env = { ...process.env, NEXT_DIST_DIR: settings.distDir, NEXT_TELEMETRY_DISABLED: "1" };

async function admin(sql) {
  const client = new pg.Client({ connectionString: settings.adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

// `next build` may add the dist folder's types to tsconfig.json; the bench leaves the repo as it was.
function build() {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  console.log(`Building into ${settings.distDir} (log: .data/bench-build.log) ...`);
  mkdirSync(".data", { recursive: true });
  const log = openSync(".data/bench-build.log", "w");
  const result = spawnSync("npm", ["run", "-s", "build"], { stdio: ["ignore", log, log], env });
  writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error(`next build failed:\n${readFileSync(".data/bench-build.log", "utf8").slice(-3000)}`);
}

// CPU seconds used so far by each of some processes (Linux /proc). Per-request CPU is the figure that
// survives a busy, shared machine, where throughput depends on what else runs.
function cpuSeconds(pids) {
  const used = new Map();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone, or not Linux
    }
  }
  return used;
}

// CPU used between two readings; a process that started in between counts from its start.
function cpuDelta(before, after) {
  if (!existsSync("/proc/self/stat")) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

async function backendPids(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const { rows } = await admin(`select pid from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
  return rows.map((r) => r.pid);
}

// Runs a measurement and adds CPU ms per request of the app server, PostgreSQL and this load generator.
async function withCpu(pids, measurement) {
  const before = { server: cpuSeconds(pids.server()), db: cpuSeconds(await pids.db()), load: process.cpuUsage() };
  const result = await measurement();
  const load = process.cpuUsage(before.load);
  const requests = result.requests.total || 1;
  const perRequest = (seconds) => (seconds === null ? null : (seconds * 1000) / requests);
  result.cpu = {
    server: perRequest(cpuDelta(before.server, cpuSeconds(pids.server()))),
    db: perRequest(cpuDelta(before.db, cpuSeconds(await pids.db()))),
    load: (load.user + load.system) / 1000 / requests,
  };
  return result;
}

async function startServer(databaseUrl) {
  mkdirSync(".data", { recursive: true });
  return startBenchServer({
    env: { ...env, NODE_ENV: "production", DATABASE_URL: databaseUrl, LEADPORT_SECRET: randomBytes(32).toString("hex"), MIGRATE_ON_START: "true", SEED_DEMO: "true", LOG_LEVEL: "warn" },
    logFile: ".data/bench-server.log",
    extraFlags: nodeFlags,
  });
}

async function demoIds(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("select s.flow_id, s.id from sources s join flows f on f.id = s.flow_id order by s.id limit 1");
    return { flowId: rows[0].flow_id, sourceId: rows[0].id };
  } finally {
    await client.end();
  }
}

const STATES = ["TX", "CA", "NY", "FL", "Illinois", "OH", "GA", "WA"];

// A new lead each time; every duplicateEvery-th request repeats an earlier one, so dedupe says duplicate.
function leadBodies(runId) {
  let n = 0;
  return () => {
    n += 1;
    const i = settings.duplicateEvery > 0 && n % settings.duplicateEvery === 0 ? n - 1 : n;
    return new URLSearchParams({
      first_name: "Bench",
      last_name: `Lead${i}`,
      email: `bench-${runId}-${i}@example.com`,
      phone_1: `512${200 + (i % 700)}${String(i % 10_000).padStart(4, "0")}`,
      state: STATES[i % STATES.length],
      postal_code: "78751",
      loan_amount: String(100_000 + (i % 400_000)),
      credit_rating: i % 3 === 0 ? "Excellent" : "Good",
    }).toString();
  };
}

function run(title, options) {
  return autocannon({ title, connections: settings.connections, timeout: 10, ...options });
}

// rate: requests per second offered in all (autocannon's overallRate), or as fast as it answers.
async function measureSubmit(baseUrl, ids, seconds, runId, rate) {
  const nextBody = leadBodies(runId);
  return run("submit", {
    url: `${baseUrl}/flows/${ids.flowId}/sources/${ids.sourceId}/submit`,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
}

async function sanityCheck(baseUrl, ids) {
  const url = `${baseUrl}/flows/${ids.flowId}/sources/${ids.sourceId}/submit`;
  const body = `email=sanity-${Date.now()}@example.com&phone_1=5127891111&state=TX`;
  const post = () => fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }).then(async (r) => [r.status, await r.json()]);
  const [first, second] = [await post(), await post()];
  console.log(`Sanity: first ${first[0]} ${JSON.stringify(first[1])}\n        again ${second[0]} ${JSON.stringify(second[1])}`);
  if (first[1].outcome !== "success" || second[1].reason !== "duplicate") throw new Error("the demo flow did not answer success then duplicate");
}

async function outcomes(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("select outcome::text || coalesce(' (' || reason || ')', '') as o, count(*)::int as n from leads group by 1 order by 2 desc");
    return rows.map((r) => `${r.o}: ${r.n}`).join(", ");
  } finally {
    await client.end();
  }
}

const ms = (value) => (value === null ? "n/a" : value.toFixed(2));
const line = (name, r) =>
  `${name.padEnd(24)} ${String(Math.round(r.requests.average)).padStart(6)}/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ` +
  `2xx ${r["2xx"]}  non-2xx ${r.non2xx}  errors ${r.errors}  timeouts ${r.timeouts}\n${"".padEnd(24)} CPU per request: app ${ms(r.cpu.server)} ms, PostgreSQL ${ms(r.cpu.db)} ms, load generator ${ms(r.cpu.load)} ms`;

async function measure(started, databaseUrl) {
  const { baseUrl } = started;
  const ids = await demoIds(databaseUrl);
  await sanityCheck(baseUrl, ids);
  console.log(`Warming up ${settings.warmup} s each ...`);
  await run("warmup", { url: `${baseUrl}/healthz`, duration: settings.warmup });
  await measureSubmit(baseUrl, ids, settings.warmup, `warm${Date.now()}`);
  const pids = { server: () => [started.server.pid], db: () => backendPids(databaseUrl) };
  console.log(`Measuring ${settings.duration} s each with ${settings.connections} connections (load average ${os.loadavg()[0].toFixed(1)}) ...`);
  const health = await withCpu(pids, () => run("healthz", { url: `${baseUrl}/healthz`, duration: settings.duration }));
  const submit = await withCpu(pids, () => measureSubmit(baseUrl, ids, settings.duration, `run${Date.now()}`));
  console.log(`Offering a steady ${settings.rate} leads/s for ${settings.duration} s (load average ${os.loadavg()[0].toFixed(1)}) ...`);
  const steady = await withCpu(pids, () => measureSubmit(baseUrl, ids, settings.duration, `rate${Date.now()}`, settings.rate));
  report(health, submit, steady, await outcomes(databaseUrl));
}

async function main() {
  if (!settings.skipBuild) build();
  const name = `lp_bench_${randomBytes(4).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(settings.adminUrl);
  url.pathname = `/${name}`;
  let started;
  try {
    started = await startServer(url.toString());
    await measure(started, url.toString());
  } finally {
    await stopBenchServer(started?.server);
    await admin(`drop database if exists ${name} with (force)`);
  }
}

function report(health, submit, steady, stored) {
  console.log(`\nLeadport submit benchmark, ${new Date().toISOString()}`);
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  console.log(line("GET /healthz", health));
  console.log(line("POST submit (demo flow)", submit));
  console.log(line(`  at ${settings.rate}/s offered`, steady));
  console.log(`Submit / healthz throughput: ${(submit.requests.average / health.requests.average).toFixed(2)}`);
  console.log(`Leads stored: ${stored}`);
  // The target: 1,500 leads/s offered are all taken (autocannon's per-second average within 1 %),
  // with p99 under 50 ms and nothing but 2xx.
  const clean = (r) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
  const ok = settings.rate >= 1500 && steady.requests.average >= settings.rate * 0.99 && steady.latency.p99 < 50 && clean(steady) && clean(submit);
  console.log(`Target (1500 leads/s offered all taken at p99 < 50 ms, no errors): ${ok ? "met" : "NOT met"}`);
  const cpu = submit.cpu.server !== null && submit.cpu.db !== null ? submit.cpu.server + submit.cpu.db + submit.cpu.load : null;
  if (cpu !== null) console.log(`CPU per lead, all three: ${cpu.toFixed(2)} ms: a rough ceiling of ~${Math.round((os.cpus().length * 1000) / cpu)} leads/s on ${os.cpus().length} otherwise idle cores`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
