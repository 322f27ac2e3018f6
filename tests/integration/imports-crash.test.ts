// Exactly once across crashes: an import whose worker dies mid-batch (an injected failure, then a
// real SIGKILL of a worker process) resumes from its last committed line, and in the end every line
// of the file has exactly one lead, and the import's counters agree with the leads.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import type { Database } from "@/db/client";
import { demoFlowConfig } from "@/db/demo-flow";
import { accounts, flows, sources } from "@/db/schema";
import { newId } from "@/lib/ids";
import { runImportJob } from "@/lib/imports/jobs/job";
import { getMappingView, saveMapping, suggestedMapping } from "@/lib/imports/map/mapping";
import { stageUpload } from "@/lib/imports/stage/stage";
import { startImportWorker } from "@/lib/imports/jobs/worker";
import { logger } from "@/lib/logger";
import { queryOf } from "@/lib/imports/stage/staged-rows";
import { getImport } from "@/lib/imports/store";
import { killWorkerMidImport } from "../helpers/killed-worker";
import { sharedPath } from "../helpers/shared-dir";
import { confirmImport, startValidation } from "@/lib/imports/workflow";

const ROWS = 200;
const csv = execFileSync("node", [sharedPath("tools", "gen-leads.mjs"), String(ROWS), "--seed", "11", "--bad", "10", "--dup", "5"]);
const noQueue = async () => {};


async function seedTarget(database: Database) {
  const accountId = newId();
  const flowId = newId();
  const sourceId = newId();
  await database.db.insert(accounts).values({ id: accountId, name: "Crash test" });
  await database.db.insert(flows).values({ id: flowId, accountId, name: "Crash flow", config: demoFlowConfig });
  await database.db.insert(sources).values({
    id: sourceId, accountId, flowId, name: "Crash source", config: { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] },
    apiKeyHash: newId(), docsTokenNonce: newId(), docsTokenHash: newId(),
  });
  return { accountId, flowId, sourceId };
}

/** Staged and mapped, its validation queued: the file this test imports, ready for runImportJob. */
async function importValidating(database: Database) {
  const target = await seedTarget(database);
  async function* body() {
    yield new Uint8Array(csv);
  }
  const staged = await stageUpload(database, { target, body: body(), contentLength: null, fileName: "leads.csv", override: {}, maxBytes: 10_000_000 });
  if (staged.status !== "ok") throw new Error(staged.message);
  const imp = (await getImport(database, staged.importId))!;
  await saveMapping(database, imp, suggestedMapping(await getMappingView(database, imp)));
  await startValidation(database, (await getImport(database, imp.id))!, noQueue);
  return imp;
}

/** Staged, mapped, validated and confirmed ("import all"): ready for a worker. */
async function importReadyToRun(database: Database) {
  const imp = await importValidating(database);
  expect(await runImportJob(database, imp.id)).toBe("done");
  await confirmImport(database, (await getImport(database, imp.id))!, "all", noQueue);
  return imp.id;
}

async function leadsPerLine(database: Database, importId: string) {
  const { rows } = await queryOf(database)<{ import_line: number; n: number }>(
    "select import_line, count(*)::int as n from leads where import_id = $1 group by import_line",
    [importId],
  );
  return rows;
}

async function expectExactlyOnce(database: Database, importId: string) {
  const imp = (await getImport(database, importId))!;
  const perLine = await leadsPerLine(database, importId);
  expect(imp.status).toBe("completed");
  expect(perLine).toHaveLength(imp.rows);
  expect(perLine.every((r) => r.n === 1)).toBe(true);
  expect(imp.processedRows).toBe(imp.rows);
  expect(imp.successCount + imp.failureCount + imp.errorCount).toBe(imp.rows);
}

describe("an import that crashes mid-batch", () => {
  it("rolls the batch back and resumes after the last committed line", async () => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    let batches = 0;
    const crash = () => {
      if (++batches === 4) throw new Error("worker died");
    };
    await expect(runImportJob(database, id, { batchSize: 25, beforeCommit: crash })).rejects.toThrow("worker died");
    const halfway = (await getImport(database, id))!;
    expect(halfway).toMatchObject({ status: "importing", processedRows: 75 });
    expect(await leadsPerLine(database, id)).toHaveLength(75);
    expect(await runImportJob(database, id, { batchSize: 25 })).toBe("done");
    await expectExactlyOnce(database, id);
  });
});

describe("a worker that is stopping", () => {
  it("ends its slice after the batch in progress, and the rest is left for the next run", async () => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    const stopping = new AbortController();
    const result = await runImportJob(database, id, { batchSize: 25, signal: stopping.signal, beforeCommit: () => stopping.abort() });
    expect(result).toBe("more");
    expect(await getImport(database, id)).toMatchObject({ status: "importing", processedRows: 25 });
    expect(await runImportJob(database, id)).toBe("done");
    await expectExactlyOnce(database, id);
  });
});

describe("a worker process killed with SIGKILL", () => {
  it("leaves every line to be imported exactly once by the next worker", async () => {
    const killed = await killWorkerMidImport({
      prepare: importReadyToRun,
      killWhen: (output) => (output.match(/^batch /gm) ?? []).length >= 4,
    });
    const { database, importId: id } = killed;
    try {
      const stopped = (await getImport(database, id))!;
      expect(stopped.status).toBe("importing");
      expect(stopped.processedRows).toBeGreaterThanOrEqual(30);
      expect(stopped.processedRows).toBeLessThan(ROWS);
      expect((await leadsPerLine(database, id)).length).toBe(stopped.processedRows - stopped.skippedRows);
      // The restarted worker finds the orphaned import itself and finishes it.
      const worker = await startImportWorker(database, { concurrency: 1, log: logger, stalledAfterMs: 0 });
      try {
        for (let i = 0; i < 240 && (await getImport(database, id))!.status === "importing"; i++) await new Promise((r) => setTimeout(r, 250));
      } finally {
        await worker.stop();
      }
      await expectExactlyOnce(database, id);
    } finally {
      await killed.close();
    }
  });
});

// On PostgreSQL each job reads and prepares the batch after the one it writes (a few rows at a time:
// 60-row batches take two turns); a slice that ends, or a batch that fails, leaves that batch read
// ahead unused, and the next run starts from the line the database says.
describe("batches read ahead", () => {
  async function validatedCounts(database: Database, options: { batchSize?: number; sliceMs?: number }) {
    const imp = await importValidating(database);
    let slices = 0;
    for (let result = "more"; result === "more"; slices++) result = await runImportJob(database, imp.id, options);
    const done = (await getImport(database, imp.id))!;
    const { rows } = await queryOf(database)<{ line: number; problems: unknown; duplicate_of_line: number | null }>(
      "select line, problems, duplicate_of_line from import_rows where import_id = $1 order by line",
      [imp.id],
    );
    return { slices, status: done.status, counts: [done.validatedRows, done.invalidRows, done.duplicateRows], rows: rows.map(({ line, problems, duplicate_of_line }) => ({ line, problems, duplicate_of_line })) };
  }

  it("validate every row once when the job stops after each batch", async () => {
    const database = getDatabase();
    const whole = await validatedCounts(database, {});
    const readAhead = await validatedCounts(database, { batchSize: 60 });
    const sliced = await validatedCounts(database, { batchSize: 60, sliceMs: 0 });
    expect(sliced.slices).toBeGreaterThan(3);
    for (const run of [readAhead, sliced]) {
      expect(run.status).toBe("validated");
      expect(run.counts).toEqual(whole.counts);
      expect(run.rows).toEqual(whole.rows);
    }
    expect(whole.counts[0]).toBe(ROWS);
  });

  it.each([
    ["in one run", {}],
    ["when the job stops after each batch", { sliceMs: 0 }],
  ])("import every line once, in line order, %s", async (_name, options) => {
    const database = getDatabase();
    const id = await importReadyToRun(database);
    let result = "more";
    for (let slices = 0; result === "more" && slices < 100; slices++) result = await runImportJob(database, id, { batchSize: 60, ...options });
    expect(result).toBe("done");
    await expectExactlyOnce(database, id);
    // Lead ids grow with every lead a process makes: in line order, they sort as the lines do.
    const { rows } = await queryOf(database)<{ import_line: number }>("select import_line from leads where import_id = $1 order by id", [id]);
    const lines = rows.map((r) => r.import_line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
