// Issue #14: the live progress of an import moves with every batch saved, in the numbers and in the
// last line and lead ("How far it got"), as the page's server-sent events carry them.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import type { ProgressEvent } from "@/lib/imports/report/events";
import { runImportJob } from "@/lib/imports/jobs/job";
import { getImportProblems, getImportResults, getImportView } from "@/lib/imports/service";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { createAccount } from "../helpers/accounts";
import { callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";

afterAll(() => stopQueue(getDatabase()));

const ROWS = 25;
const BATCH = 10;
// Line 5 (row 4) fails the state check, so the newest lead of a batch is not always a success.
const FILE = ["Email,Phone,State", ...Array.from({ length: ROWS }, (_, i) => `live${i}@example.com,51255502${String(i).padStart(2, "0")},${i === 3 ? "XX" : "TX"}`)].join("\n");

/** The first progress event of a new connection to /api/imports/{id}/events, as the page gets it. */
async function firstEvent(id: string, auth: string): Promise<ProgressEvent> {
  const response = await callImport(id, "events", { auth });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended without a progress event: ${text}`);
      text += decoder.decode(value, { stream: true });
      const match = /event: progress\ndata: (.*)\n\n/.exec(text);
      if (match) return JSON.parse(match[1]!) as ProgressEvent;
    }
  } finally {
    await reader.cancel();
  }
}

async function confirmed(target: Awaited<ReturnType<typeof createAccount>>) {
  const { id } = await json<{ id: string }>(uploadFile(target, FILE), 201);
  const { columns } = await json<{ columns: Array<{ column: number; fieldId: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: columns.map(({ column, fieldId }) => ({ column, fieldId })) } }));
  await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
  await runJobToEnd(id);
  await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
  return id;
}

describe("live progress of an import", () => {
  it("moves the counts, the last line and the last lead with every batch saved", async () => {
    const target = await createAccount({ email: "live-progress@example.com", password: "live-progress-password" });
    const id = await confirmed(target);

    const before = await firstEvent(id, target.apiKey);
    expect(before).toMatchObject({ status: "importing", processed: 0, howFar: { lastLine: null, lastLead: null } });

    const seen: Array<[number, number | null, number | null]> = [];
    for (let batch = 1; batch <= 3; batch++) {
      expect(await runImportJob(getDatabase(), id, { sliceMs: 0, batchSize: BATCH })).toBe("more");
      const event = await firstEvent(id, target.apiKey);
      expect(event.status).toBe("importing");
      seen.push([event.processed, event.howFar.lastLine, event.howFar.lastLead?.line ?? null]);
    }
    // Lines start at 2 (the header is line 1): batch n ends at line 10n + 1, the last batch at 26.
    expect(seen).toEqual([
      [10, 11, 11],
      [20, 21, 21],
      [25, 26, 26],
    ]);
    const third = await firstEvent(id, target.apiKey);
    expect(third.outcomes).toEqual({ success: 24, failure: 1, error: 0 });
    expect(third.howFar.lastLead).toMatchObject({ outcome: "success" });

    expect(await runJobToEnd(id, { batchSize: BATCH })).toBe("done");
    const done = await firstEvent(id, target.apiKey);
    expect(done).toMatchObject({ status: "completed", processed: ROWS, howFar: { lastLine: ROWS + 1 } });
  });
});

// PGlite runs one query at a time in this process (the job pauses between batches for pages:
// lib/imports/jobs/job-batches.ts); PostgreSQL serves pages on other connections, never behind a batch.
describe.runIf(!process.env.DATABASE_URL)("pages during an import on PGlite", () => {
  it("get a page's reads in a row through between two batches, not one read per batch", async () => {
    const target = await createAccount({ email: "live-pages@example.com", password: "live-pages-password" });
    const id = await confirmed(target);
    const access = { accountId: target.accountId };
    const READS = 8;
    let done = 0;
    let chain: Promise<void> | null = null;
    const doneAt: number[] = [];
    // A page's reads, one after another with rendering (a macrotask) between them, started while
    // the first batch's transaction holds the database.
    const page = async () => {
      for (let i = 0; i < READS; i++) {
        expect(await getImportView(access, id)).not.toBeNull();
        done += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const beforeCommit = () => {
      chain ??= page();
      doneAt.push(done);
    };
    expect(await runJobToEnd(id, { batchSize: 5, beforeCommit })).toBe("done");
    await chain;
    // Batch 1 started the page. Reads that waited one per batch would add exactly one between two
    // batches; here several go through in one pause. How many fit in a pause depends on the machine's
    // load (a pause is 10 ms after batches this small), so the test asks for more than one, and all.
    const perPause = doneAt.slice(1).map((d, i) => d - doneAt[i]!);
    expect(Math.max(...perPause), `reads done at each batch's end: ${doneAt.join(", ")}`).toBeGreaterThan(1);
    expect(done).toBe(READS);
  });
});

// Issue #14: a record's row (as a spreadsheet numbers it, the header row being row 1) beside its
// line in the text file, where they differ: blank lines and a value over two lines.
describe("row and line", () => {
  const MESSY = [
    "Email,Phone,State,Notes",
    "r1@example.com,5125550301,TX,one",
    "",
    'r2@example.com,5125550302,TX,"two',
    'lines"',
    "",
    "r3@example.com,5125550303,XX,three",
    "r4@example.com,5125550304,TX,four",
    "r1@example.com,5125550301,TX,again",
  ].join("\n");

  it("shows each problem and the last row processed by row and line", async () => {
    const target = await createAccount({ email: "row-line@example.com", password: "row-line-password" });
    const { id } = await json<{ id: string }>(uploadFile(target, MESSY), 201);
    const { columns } = await json<{ columns: Array<{ column: number; fieldId: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
    await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: columns.map(({ column, fieldId }) => ({ column, fieldId })) } }));
    await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
    await runJobToEnd(id);
    const access = { accountId: target.accountId };
    const problems = await getImportProblems(access, id);
    expect(Array.isArray(problems) && problems.map((p) => [p.row, p.line, p.duplicateOfLine])).toEqual([
      [4, 7, null],
      [6, 9, 2],
    ]);

    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "valid" } }), 202);
    expect(await runImportJob(getDatabase(), id, { sliceMs: 0, batchSize: 3 })).toBe("more");
    // Records 1 to 3 (rows 2 to 4); the third, r3 on line 7, is invalid and not imported in this mode.
    const first = await firstEvent(id, target.apiKey);
    expect(first.howFar).toMatchObject({ lastLine: 7, lastRow: 4, lastLead: { line: 4, row: 3 } });
    expect(await runJobToEnd(id, { batchSize: 3 })).toBe("done");
    expect((await firstEvent(id, target.apiKey)).howFar).toMatchObject({ lastLine: 9, lastRow: 6, lastLead: { line: 8, row: 5 } });
    const failed = await getImportResults(access, id, { outcome: "failure" });
    expect(Array.isArray(failed) && failed.map((r) => [r.row, r.line])).toEqual([
      [4, 7],
      [6, 9],
    ]);
  });
});
