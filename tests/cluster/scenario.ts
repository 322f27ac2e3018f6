// The cluster test's scenario: two app processes (`npm start`) (their in-process worker off) and two
// `scripts/worker.ts` workers on one PostgreSQL database. Three imports run at once, through both
// app processes, while real-time leads arrive at both; one worker is SIGKILLed and the other
// SIGTERMed mid-import, both replaced as an orchestrator would; last, one app process gets SIGTERM
// in the middle of an upload. Returns what happened; cluster.test.ts checks it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { basicAuth, csvTwins, postLeadsUntil, type LeadPost, type Target } from "./leads";
import { activeImports, startApp, startWorker, stopProcess, waitFor, type App, type Proc } from "./processes";
import { followImport, type FollowResult } from "./sse";
import { generateCsv, importStates, slowBody, upload, type ImportFile, type StartedImport } from "./support";

export type WorkerStop = { name: string; importIds: string[]; exit: { code: number | null; signal: NodeJS.Signals | null }; ms: number; log: Proc["logs"] };

export type Cluster = {
  env: NodeJS.ProcessEnv;
  database: TestDatabase;
  db: pg.Client;
  logDir: string;
  target: Target;
  apps: App[];
  workers: Proc[];
  imports: StartedImport[];
  /** SSE results per import id, one per app process followed. */
  sse: Map<string, Array<{ app: string; result: FollowResult }>>;
  leadPosts: LeadPost[];
  killed: WorkerStop | null;
  terminated: WorkerStop | null;
  appStop: { upload: string; exit: { code: number | null; signal: NodeJS.Signals | null }; ms: number; log: Proc["logs"] } | null;
};

const SECRET = "cluster-test-secret-0123456789abcdef0123";
const DEADLINE_MS = 150_000;

export async function startCluster(): Promise<Cluster> {
  const database = await createTestDatabase("lp_cluster");
  // Every process's output, kept for a look after a failure (replaced on the next run).
  const logDir = ".data/test-results/cluster";
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    LEADPORT_SECRET: SECRET,
    DEMO_PASSWORD: "cluster-demo-password",
    SEED_DEMO: "false",
    MIGRATE_ON_START: "false",
    WORKER_IN_PROCESS: "false",
    WORKER_CONCURRENCY: "2",
    IMPORT_STALLED_SECONDS: "10",
    IMPORT_MAX_ACTIVE_PER_SOURCE: "4", // three files go to one source at once
    DATABASE_POOL_MAX: "6",
    LOG_LEVEL: "debug", // every request's line, with its request id
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The deploy step, then the seed: once, before any process starts (the seed prints the API key only once).
  const seeded = execFileSync(process.execPath, ["--import", "tsx", "db/seed.ts"], { env: { ...env, LOG_LEVEL: "warn" }, encoding: "utf8" });
  const flow = JSON.parse(seeded.trim().split("\n").at(-1)!).flows[0];
  const target: Target = { flowId: flow.id, sourceId: flow.sources[0].id, apiKey: flow.sources[0].apiKey };
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const starting = [...["app-1", "app-2"].map((name) => startApp(name, env, logDir)), ...["worker-1", "worker-2"].map((name) => startWorker(name, env, logDir))];
  const started = await Promise.allSettled(starting);
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    // Leave nothing running behind a failed start: the processes would outlive the test run.
    await Promise.all(started.flatMap((r) => (r.status === "fulfilled" ? [stopProcess(r.value, "SIGKILL")] : [])));
    await db.end();
    await database.drop();
    throw failed.reason;
  }
  const [app1, app2, worker1, worker2] = started.map((r) => (r as PromiseFulfilledResult<Proc>).value) as [App, App, Proc, Proc];
  return { env, database, db, logDir, target, apps: [app1, app2], workers: [worker1, worker2], imports: [], sse: new Map(), leadPosts: [], killed: null, terminated: null, appStop: null };
}

export async function runScenario(cluster: Cluster): Promise<void> {
  const { apps, target, env } = cluster;
  const deadline = Date.now() + DEADLINE_MS;
  const files: ImportFile[] = [
    generateCsv("a.csv", 12_000, 11),
    generateCsv("b.csv", 12_000, 12),
    generateCsv("c.csv", 6_000, 11), // a.csv's first 6,000 rows again: duplicates across files
  ];
  cluster.imports = await Promise.all(files.map((file, i) => upload(apps[i % 2]!, target, file)));
  const following = cluster.imports.map((imp) => follow(cluster, imp.id, apps, deadline));
  let importsDone = false;
  const twins = [...csvTwins(files[0]!.content, 97), ...csvTwins(files[1]!.content, 89)];
  const posting = postLeadsUntil(() => importsDone || Date.now() > deadline, apps, target, twins, randomBytes(3).toString("hex"));
  try {
    const ids = cluster.imports.map((i) => i.id);
    // While both workers run imports that have committed batches, one is killed outright and the
    // other asked to stop (it must hand the rest back and exit 0); both are replaced, as an
    // orchestrator would.
    const [killed, stopped] = await busyWorkers(cluster, ids, deadline);
    [cluster.killed, cluster.terminated] = await Promise.all([
      stopWorker(killed, "SIGKILL", activeImports(killed)),
      stopWorker(stopped, "SIGTERM", activeImports(stopped)),
    ]);
    cluster.workers.push(...(await Promise.all(["worker-3", "worker-4"].map((name) => startWorker(name, env, cluster.logDir)))));
    await waitFor(async () => (await importStates(cluster.db, ids)).every((s) => s.status !== "validating" && s.status !== "importing"), deadline - Date.now(), "every import to finish");
  } finally {
    importsDone = true;
    cluster.leadPosts = await posting;
    await Promise.all(following);
  }
  await stopAppDuringUpload(cluster, deadline);
}

/** The two workers, once each runs a slice of an import that has committed batches. */
async function busyWorkers(cluster: Cluster, ids: string[], deadline: number): Promise<[Proc, Proc]> {
  const [first, second] = cluster.workers as [Proc, Proc];
  await waitFor(
    async () => {
      const importing = new Set((await importStates(cluster.db, ids)).filter((s) => s.status === "importing" && s.processed > 0).map((s) => s.id));
      return [first, second].every((w) => [...activeImports(w)].some((id) => importing.has(id)));
    },
    deadline - Date.now(),
    "both workers in the middle of an import",
  );
  return [first, second];
}

async function stopWorker(worker: Proc, signal: NodeJS.Signals, running: Set<string>): Promise<WorkerStop> {
  const started = Date.now();
  worker.child.kill(signal);
  const exit = await worker.exited;
  return { name: worker.name, importIds: [...running], exit, ms: Date.now() - started, log: worker.logs };
}

/** Follows the import on each app process, and once more hopping between them every two events. */
function follow(cluster: Cluster, id: string, apps: App[], deadline: number) {
  const headers = { authorization: basicAuth(cluster.target.apiKey) };
  const url = (app: App) => `${app.baseUrl}/api/imports/${id}/events`;
  const record = (app: string, result: FollowResult) => cluster.sse.set(id, [...(cluster.sse.get(id) ?? []), { app, result }]);
  const hopping = apps.length > 1 ? [followImport({ urls: apps.map(url), headers, deadline, switchEvery: 2 }).then((r) => record("hopping", r))] : [];
  return Promise.all([...apps.map((app) => followImport({ urls: [url(app)], headers, deadline }).then((r) => record(app.name, r))), ...hopping]);
}

// An upload in flight when its app process is told to stop must still be answered; then the process exits.
async function stopAppDuringUpload(cluster: Cluster, deadline: number) {
  const [app1, app2] = cluster.apps as [App, App];
  const file = generateCsv("d.csv", 600, 13);
  const started = Date.now();
  const body = slowBody(file.content, 8, 250, () => app2.child.kill("SIGTERM"));
  const uploaded = await upload(app2, cluster.target, file, body).then(
    (imp) => ({ status: "created", imp }) as const,
    (err: unknown) => ({ status: String(err), imp: null }) as const,
  );
  const exit = await app2.exited;
  cluster.appStop = { upload: uploaded.status, exit, ms: Date.now() - started, log: app2.logs };
  if (uploaded.imp) {
    cluster.imports.push(uploaded.imp);
    await follow(cluster, uploaded.imp.id, [app1], deadline);
  }
}

export async function stopCluster(cluster: Cluster | undefined): Promise<void> {
  if (!cluster) return;
  await Promise.all([...cluster.apps, ...cluster.workers].map((p) => stopProcess(p)));
  await cluster.db.end().catch(() => {});
  await cluster.database.drop();
}
