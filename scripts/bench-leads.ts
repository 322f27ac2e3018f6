// `npm run bench:leads`: seeds LEADS leads (default 1,000,000) into a PostgreSQL database of its own,
// starts the production build against it, signs in as the demo account holder and times the Leads
// view and reports over real HTTP. Prints a markdown table for docs/benchmarks.md, then drops the database.
// Needs a build first: `NEXT_DIST_DIR=.next-bench npx next build` (NEXT_DIST_DIR defaults to .next).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { applyMigrations } from "@/db/migrations";
import { sessions } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto";
import { freePort, waitForHttp } from "@/tests/helpers/server";
import { explainPlans } from "./bench-leads/explain";
import { seedBench } from "./bench-leads/seed";
import pg from "pg";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LEADS = Number(process.env.LEADS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 10);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const SECRET = "bench-secret-0123456789abcdef0123456789";

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(baseUrl: string, cookie: string, path: string) {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(baseUrl + path, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return { ms: performance.now() - started, body };
  };
  const { body } = await once(); // warm-up: compiled queries, caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return { path, median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, body };
}

// The rollup must count every seeded lead once, or the report timings below mean nothing.
async function checkRollup(database: Database) {
  const result = (await database.db.execute(
    sql`select (select count(*) from leads)::bigint as leads, (select sum(count) from lead_daily_counts)::bigint as counted, (select count(*) from lead_daily_counts)::int as rows`,
  )) as unknown as { rows: Array<{ leads: number; counted: number; rows: number }> };
  const { leads, counted, rows } = result.rows[0]!;
  if (Number(leads) !== Number(counted)) throw new Error(`lead_daily_counts counts ${counted} leads of ${leads}`);
  console.log(`lead_daily_counts: ${rows.toLocaleString("en-US")} rows for ${Number(leads).toLocaleString("en-US")} leads`);
}

// Which indexes of leads the pages above used (#12): idx_scan since the reset before the timings.
// The app's connections report their counts when idle, after at most 10 s (PostgreSQL 15).
async function printIndexUse(database: Database) {
  if (database.kind !== "pg") return;
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const { rows } = await database.pool.query<{ index: string; scans: string; size: string }>(
    // leads is partitioned by month (drizzle/0018): each partitioned index summed over its partitions' indexes.
    `select p.indexrelid::regclass::text as index, sum(s.idx_scan)::bigint as scans, pg_size_pretty(sum(pg_relation_size(s.indexrelid))) as size
     from pg_index p join pg_inherits i on i.inhparent = p.indexrelid join pg_stat_user_indexes s on s.indexrelid = i.inhrelid
     where p.indrelid = 'leads'::regclass group by 1 order by 1`,
  );
  console.log(`\n| index on leads | scans by the pages above | size |\n|---|---:|---:|`);
  for (const r of rows) console.log(`| \`${r.index}\` | ${r.scans} | ${r.size} |`);
}

async function main() {
  if (!existsSync(`${DIST_DIR}/BUILD_ID`)) throw new Error(`No production build in ${DIST_DIR}: run NEXT_DIST_DIR=${DIST_DIR} npx next build first`);
  const name = `lp_bench_${randomBytes(4).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), dataDir: "memory://", poolMax: 4 });
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(database);
    const started = performance.now();
    const seed = await seedBench(database, { leads: LEADS, secret: SECRET, password: "bench-password" });
    if (database.kind === "pg") await database.pool.query("vacuum analyze leads, lead_daily_counts");
    console.log(`Seeded ${LEADS.toLocaleString("en-US")} leads by COPY in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await checkRollup(database);

    const token = randomToken(32);
    await database.db.insert(sessions).values({ tokenHash: sha256(token), accountHolderId: seed.holderId, expiresAt: new Date(Date.now() + 3_600_000) });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: url.toString(), LEADPORT_SECRET: SECRET, APP_URL: baseUrl, MIGRATE_ON_START: "false", SEED_DEMO: "false", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHttp(`${baseUrl}/login`, 60_000);
    const cookie = `lp_session=${token}`;
    const [source] = seed.sourceIds;
    const [flow] = seed.flowIds;
    const paths = [
      "/leads",
      "/leads?range=all",
      `/leads?range=last_30_days&source=${source}&outcome=failure`,
      `/leads?range=all&q=${encodeURIComponent(seed.sample.email)}`,
      `/leads?range=all&q=${encodeURIComponent(seed.sample.phone)}`,
      `/leads?range=all&q=${encodeURIComponent("Mary Brown")}`,
      // Names (#14): a common first name, a last name typed without its accent, a full name in the
      // other order, and a name no lead has (the planner must look it up, not walk every lead).
      "/leads?range=all&q=elizabeth",
      "/leads?range=all&q=hernandez",
      `/leads?range=all&q=${encodeURIComponent("Hernández Elizabeth")}`,
      "/leads?range=all&q=zzyzx",
      `/leads?range=all&flow=${flow}`,
      `/leads?range=all&source=${source}&batch=1`,
      `/leads?range=all&import=${seed.importIds[0]}`,
      "/reports",
      "/reports?range=last_30_days&group=day",
      `/reports?range=last_30_days&group=reason&flow=${flow}`,
      "/reports?range=this_month&group=outcome",
      "/reports?range=all&group=source",
    ];
    if (database.kind === "pg") await database.pool.query("select pg_stat_reset()");
    const results = [];
    for (const path of paths) results.push(await time(baseUrl, cookie, path));
    const firstPage = results[1]!.body.match(/href="(\/leads\?[^"]*cursor=[^"]+)"/)?.[1]?.replace(/&amp;/g, "&");
    if (firstPage) results.push(await time(baseUrl, cookie, firstPage));

    console.log(`\n| page | median ms | p95 ms | max ms |\n|---|---:|---:|---:|`);
    for (const r of results) console.log(`| \`${r.path.replace(/[0-9a-f]{24}/g, "<id>").replace(/cursor=[^&]+/, "cursor=<page 2>")}\` | ${r.median.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} |`);
    await printIndexUse(database);
    if (process.env.EXPLAIN !== "0") await explainPlans(database, seed);
  } finally {
    server?.kill("SIGTERM");
    await database.close();
    if (process.env.KEEP_DB === "1") console.log(`Kept database ${name}`);
    else await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
