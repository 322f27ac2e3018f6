// Issue #6, "Import the remaining rows": an import cancelled (or stopped) part-way carries on from the
// first line without a lead. Every line ends with exactly one lead, the leads made before the stop
// are untouched (not imported or charged again), and the results cover each line once.
import { parse } from "csv-parse/sync";
import { asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import * as resumeRoute from "@/app/api/imports/[id]/resume/route";
import { getDatabase, getDb } from "@/db";
import { leads } from "@/db/schema";
import { failImport, runImportJob } from "@/lib/imports/jobs/job";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { createAccount } from "../helpers/accounts";
import { basic, callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";

afterAll(() => stopQueue(getDatabase()));

const ROWS = 25;
const BATCH = 10;
const FILE = ["Email,Phone,State", ...Array.from({ length: ROWS }, (_, i) => `resume${i}@example.com,51255501${String(i).padStart(2, "0")},${i === 3 ? "XX" : "TX"}`)].join("\n");

let accounts = 0;
const newAccount = () => createAccount({ email: `resume${++accounts}@example.com`, password: "resume-password" });
type Target = Awaited<ReturnType<typeof newAccount>>;

function resume(id: string, apiKey: string): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/imports/${id}/resume`, { method: "POST", headers: { authorization: basic(apiKey) } });
  return resumeRoute.POST(request, { params: Promise.resolve({ id }) });
}

/** Uploaded, mapped, validated and confirmed: ready for the import job. */
async function confirmed(target: Target) {
  const { id } = await json<{ id: string }>(uploadFile(target, FILE), 201);
  const { columns } = await json<{ columns: Array<{ column: number; fieldId: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: columns.map(({ column, fieldId }) => ({ column, fieldId })) } }));
  await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
  await runJobToEnd(id);
  await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
  return id;
}

/** One batch of the import job, as a worker's slice that ran out of time after it. */
async function importOneBatch(id: string) {
  expect(await runImportJob(getDatabase(), id, { sliceMs: 0, batchSize: BATCH })).toBe("more");
}

const leadsOf = (id: string) => getDb().select({ id: leads.id, line: leads.importLine, price: leads.price }).from(leads).where(eq(leads.importId, id)).orderBy(asc(leads.importLine));

describe("import the remaining rows", () => {
  it("after a cancel, imports exactly the remaining lines once, leaving the first leads as they were", async () => {
    const target = await newAccount();
    const id = await confirmed(target);
    await importOneBatch(id);
    await json(callImport(id, "cancel", { auth: target.apiKey, body: {} }), 202);
    expect(await runJobToEnd(id, { batchSize: BATCH })).toBe("stopped");
    const before = await leadsOf(id);
    expect(before.map((l) => l.line)).toEqual(Array.from({ length: BATCH }, (_, i) => i + 2));
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "cancelled", processed: BATCH });

    expect(await json(resume(id, target.apiKey), 202)).toMatchObject({ status: "importing", completedAt: null });
    expect(await runJobToEnd(id, { batchSize: BATCH })).toBe("done");

    const after = await leadsOf(id);
    expect(after.map((l) => l.line)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(after.slice(0, BATCH)).toEqual(before);
    const view = await json<{ processed: number; outcomes: Record<string, number> }>(callImport(id, "status", { auth: target.apiKey }));
    expect(view).toMatchObject({ status: "completed", processed: ROWS, notImported: 0, outcomes: { success: ROWS - 1, failure: 1, error: 0 } });

    const results = parse((await (await callImport(id, "results.csv", { auth: target.apiKey })).text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(results.map((r) => Number(r.import_line_num))).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(results.every((r) => r.import_lead_id !== "" && r.import_outcome !== "")).toBe(true);
    expect(new Set(results.map((r) => r.import_lead_id)).size).toBe(ROWS);
  });

  it("continues an import that failed on something outside it", async () => {
    const target = await newAccount();
    const id = await confirmed(target);
    await importOneBatch(id);
    await failImport(getDatabase(), id, "The import stopped on an internal error. Rows imported so far keep their results.");
    await json(resume(id, target.apiKey), 202);
    expect(await runJobToEnd(id, { batchSize: BATCH })).toBe("done");
    expect((await leadsOf(id)).map((l) => l.line)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "completed", message: null, processed: ROWS });
  });

  it("refuses imports that never started importing, are finished, or belong to another source", async () => {
    const target = await newAccount();
    const { id: staged } = await json<{ id: string }>(uploadFile(target, FILE), 201);
    await json(callImport(staged, "cancel", { auth: target.apiKey, body: {} }), 202);
    expect((await json<{ error: string }>(resume(staged, target.apiKey), 409)).error).toMatch(/never started importing/);

    const done = await confirmed(target);
    await runJobToEnd(done);
    expect((await json<{ error: string }>(resume(done, target.apiKey), 409)).error).toMatch(/Only a cancelled or stopped import/);

    const stranger = await newAccount();
    await json(resume(done, stranger.apiKey), 404);
  });
});
