// Past one machine: two app processes and two import workers on one PostgreSQL, with workers killed
// and stopped mid-import and an app process stopped mid-upload (the scenario is in scenario.ts).
// Needs PostgreSQL (DATABASE_URL) and a production build (NEXT_DIST_DIR, default .next):
// `npm run test:cluster`, or `npm test` with DATABASE_URL set. Each process's output is kept in
// .data/test-results/cluster/.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFlowConfig } from "@/db/demo-flow";
import type { NormalizedLead } from "@/lib/flow/model";
import { dedupeKey } from "@/lib/flow/steps/dedupe";
import { createLineTracker } from "@/lib/imports/read/record-lines";
import { runScenario, startCluster, stopCluster, type Cluster } from "./scenario";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const ready = Boolean(process.env.DATABASE_URL) && existsSync(join(distDir, "BUILD_ID"));
if (!ready) console.warn(`Cluster test skipped: it needs DATABASE_URL (PostgreSQL) and a production build in ${distDir}.`);

/** The file line where each data record starts, as the importer numbers them (header and blank lines left out). */
function dataLines(content: string): number[] {
  const tracker = createLineTracker();
  const records = parse(content, { relax_column_count: true }) as string[][];
  return records.map((cells) => tracker.locate(cells)).slice(1).filter((r) => !r.blank).map((r) => r.line);
}

describe.skipIf(!ready)("a cluster of app processes and workers on one PostgreSQL", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster();
    await runScenario(cluster);
  }, 240_000);

  afterAll(async () => {
    await stopCluster(cluster);
  }, 60_000);

  it("completes every import, each row with a lead", async () => {
    const { rows } = await cluster.db.query("select id, status, rows, processed_rows, success_count + failure_count + error_count as leads from imports");
    expect(rows).toHaveLength(cluster.imports.length);
    for (const imp of rows) {
      expect(imp).toMatchObject({ status: "completed", processed_rows: imp.rows, leads: imp.rows });
    }
  });

  it("gives every data line of every file exactly one lead", async () => {
    for (const imp of cluster.imports) {
      const { rows } = await cluster.db.query<{ import_line: number }>("select import_line from leads where import_id = $1 order by import_line", [imp.id]);
      expect(rows.map((r) => r.import_line), imp.file.name).toEqual(dataLines(imp.file.content));
    }
  });

  it("never lets two leads with the same dedupe key both succeed, across processes and imports", async () => {
    const step = demoFlowConfig.steps.find((s) => s.type === "dedupe")!;
    const { rows } = await cluster.db.query<{ normalized: NormalizedLead }>("select normalized from leads where flow_id = $1 and outcome = 'success'", [cluster.target.flowId]);
    const keys = rows.map((r) => dedupeKey("fields" in step ? step.fields : [], r.normalized)).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    // It was put to the test: the third file repeats the first one's first 6,000 rows (imported at the
    // same time, on other workers), and CSV rows were posted live to both app processes.
    const [a, , c] = cluster.imports;
    const { rows: pairs } = await cluster.db.query(
      `select count(*) filter (where (a.outcome = 'success') <> (c.outcome = 'success'))::int as one_won
         from leads a join leads c on c.import_line = a.import_line where a.import_id = $1 and c.import_id = $2`,
      [a!.id, c!.id],
    );
    expect(pairs[0].one_won).toBeGreaterThan(5000);
    const twins = cluster.leadPosts.filter((p) => p.kind === "twin");
    expect(twins.filter((p) => p.reason === "duplicate").length).toBeGreaterThan(0);
  });

  it("answers every real-time lead posted meanwhile, to either app process, with its request id", () => {
    expect(cluster.leadPosts.length).toBeGreaterThan(50);
    expect(new Set(cluster.leadPosts.map((p) => p.app))).toEqual(new Set(["app-1", "app-2"]));
    for (const post of cluster.leadPosts) {
      expect(post.status).toBe(201);
      expect(post.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The same lead sent to both processes at the same instant succeeds at most once.
    const twins = cluster.leadPosts.filter((p) => p.kind === "twin");
    for (let i = 0; i < twins.length; i += 2) {
      expect(twins.slice(i, i + 2).filter((p) => p.outcome === "success").length).toBeLessThanOrEqual(1);
    }
  });

  it("streams each import's progress to the end from both app processes, whichever worker runs it, across reconnections", () => {
    const [a, b, c, d] = cluster.imports;
    for (const imp of [a!, b!, c!]) {
      const followed = cluster.sse.get(imp.id) ?? [];
      expect(followed.map((f) => f.app).sort(), imp.file.name).toEqual(["app-1", "app-2", "hopping"]);
      for (const { app, result } of followed) {
        const last = result.progress.at(-1);
        expect(result.end, `${imp.file.name} on ${app}`).toEqual({ status: "completed" });
        expect(result.progress.length).toBeGreaterThan(1);
        expect(last).toMatchObject({ status: "completed", processed: last!.rows });
        // Reconnecting with Last-Event-ID, to the same process or the other one, repeats nothing.
        expect(result.ids).toEqual([...new Set(result.ids)].sort((x, y) => x - y));
      }
      expect(followed.find((f) => f.app === "hopping")!.result.connections).toBeGreaterThan(2);
    }
    // The import uploaded as app-2 stopped, followed on app-1 (it may have finished before the stream opened).
    expect(cluster.sse.get(d!.id)?.map((f) => f.result.end)).toEqual([{ status: "completed" }]);
  });

  it("takes over the import of a worker killed with SIGKILL", () => {
    const killed = cluster.killed!;
    expect(killed.exit.signal).toBe("SIGKILL");
    expect(killed.importIds.length).toBeGreaterThan(0);
    const requeued = cluster.workers.flatMap((w) => w.logs).filter((l) => l.msg === "import had no progress for a while; queued again");
    expect(requeued.map((l) => l.importId)).toEqual(expect.arrayContaining(killed.importIds));
  });

  it("stops a worker on SIGTERM after its batch in progress, handing the rest of the import back", () => {
    const stopped = cluster.terminated!;
    expect(stopped.exit).toEqual({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(30_000);
    // Every slice it ran ended cleanly; at least one mid-import, handing the rest back to the queue.
    const ended = stopped.log.filter((l) => l.msg === "import job slice ended");
    expect(ended.map((l) => l.importId)).toEqual(expect.arrayContaining(stopped.importIds));
    expect(ended.filter((l) => l.handedBack === true).length).toBeGreaterThan(0);
    expect(stopped.log.at(-1)?.msg).toBe("import worker stopped");
  });

  it("answers the upload in flight when an app process gets SIGTERM, then exits", () => {
    const stop = cluster.appStop!;
    expect(stop.upload).toBe("created");
    expect(stop.exit.code).toBe(143); // 128 + SIGTERM, as next start exits
    expect(stop.log.map((l) => l.msg)).toEqual(expect.arrayContaining(["shutting down: finishing requests in flight and import batches", "stopped"]));
  });

  it("writes JSON log lines tagged with request and import ids", () => {
    const workerLines = cluster.workers.flatMap((w) => w.otherLines);
    expect(workerLines).toEqual([]);
    const jobLines = cluster.workers.flatMap((w) => w.logs).filter((l) => l.msg === "import job slice started");
    expect(jobLines.length).toBeGreaterThan(0);
    for (const line of jobLines) expect(line.importId).toEqual(expect.any(String));
    const requests = cluster.apps.flatMap((a) => a.logs).filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThan(50);
    for (const line of requests) expect(line).toMatchObject({ requestId: expect.any(String), path: expect.any(String), status: expect.any(Number) });
  });
});
