// Issue #14: the live progress of an import moves with every batch saved, in the numbers and in the
// last line and lead ("How far it got"), as the page's server-sent events carry them.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import type { ProgressEvent } from "@/lib/imports/events";
import { runImportJob } from "@/lib/imports/job";
import { getImportView } from "@/lib/imports/service";
import { stopQueue } from "@/lib/imports/queue";
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
// lib/imports/job-batches.ts); PostgreSQL serves pages on other connections, never behind a batch.
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
    // Batch 1 started the page; by the end of batch 3 all its reads are in (they were one per batch).
    expect(doneAt[2]).toBe(READS);
  });
});
