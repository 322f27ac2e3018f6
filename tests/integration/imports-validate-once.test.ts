// An import whose mode is chosen before validation (auto=1, or confirm from "staged") validates each
// batch as it imports it, in one pass, and must report exactly what validating first reports: the
// same problems and duplicates within the file (decided in line order, across batches), the same
// counters, the same results file.
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { runImportJob } from "@/lib/imports/jobs/job";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { createAccount } from "../helpers/accounts";
import { callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";

const FILE = [
  "First Name,E-mail Address,Phone,State,Zip,Notes",
  "Ann,ann@example.com,5125550100,TX,02134,=cmd()",
  "Bob,,,TX,,",
  "Cy,cy@example.com,5125550102,XX,,",
  "Ann,ANN@example.com,(512) 555-0100,tx,,again",
  "Dee,dee@example.com,5125550104,VA",
  'Eve,eve@example.com,5125550105,CA,90210,"+1 call, after 5"',
  "Ann,ann@example.com,5125550100,TX,,third",
].join("\r\n");

afterAll(() => stopQueue(getDatabase()));

let accounts = 0;
const newAccount = () => createAccount({ email: `validate-once${++accounts}@example.com`, password: "validate-once-password" });
type Target = Awaited<ReturnType<typeof newAccount>>;

async function uploadAndMap(target: Target) {
  const { id } = await json<{ id: string }>(uploadFile(target, FILE), 201);
  const view = await json<{ columns: Array<{ column: number; fieldId: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
  const mapping = view.columns.map(({ column, fieldId }) => ({ column, fieldId }));
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping } }));
  return id;
}

const csvOf = async (res: Response) => parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

/** What a client can read of a finished import, lead ids left out (every run makes new ones). */
async function reportOf(target: Target, id: string) {
  const view = await json<Record<string, unknown>>(callImport(id, "status", { auth: target.apiKey }));
  const problems = await json<{ rows: unknown[] }>(callImport(id, "problems", { auth: target.apiKey }));
  const results = await csvOf(await callImport(id, "results.csv", { auth: target.apiKey }));
  const problemsCsv = await csvOf(await callImport(id, "problems.csv", { auth: target.apiKey }));
  const { status, rows, validated, invalid, unreadable, duplicates, processed, outcomes, notImported } = view;
  return {
    counts: { status, rows, validated, invalid, unreadable, duplicates, processed, outcomes, notImported },
    problems: problems.rows,
    problemsCsv,
    results: results.map(({ import_lead_id, ...rest }) => ({ ...rest, hasLead: import_lead_id !== "" })),
  };
}

describe("validating while importing", () => {
  it("checks and imports each batch in one pass when the mode was chosen before validating", async () => {
    const target = await newAccount();
    const id = await uploadAndMap(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
    expect(await runImportJob(getDatabase(), id, { batchSize: 2, sliceMs: -1 })).toBe("more");
    // Validating first would have checked two rows and imported none.
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "importing", validated: 2, processed: 2, invalid: 1 });
    expect(await runJobToEnd(id, { batchSize: 2 })).toBe("done");
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "completed", validated: 7, processed: 7, duplicates: 2 });
  });

  for (const mode of ["all", "valid"] as const) {
    for (const batchSize of [1, 3, 1000]) {
      it(`reports as validating first does: mode ${mode}, ${batchSize} rows a batch`, async () => {
        // Two accounts: their flows' dedupe steps must not see each other's leads.
        const target = await newAccount();
        const other = await newAccount();
        const first = await uploadAndMap(target);
        await json(callImport(first, "validate", { auth: target.apiKey, body: {} }), 202);
        expect(await runJobToEnd(first, { batchSize })).toBe("done");
        await json(callImport(first, "confirm", { auth: target.apiKey, body: { mode } }), 202);
        expect(await runJobToEnd(first, { batchSize })).toBe("done");

        const once = await uploadAndMap(other);
        await json(callImport(once, "confirm", { auth: other.apiKey, body: { mode } }), 202);
        expect(await runJobToEnd(once, { batchSize })).toBe("done");

        const expected = await reportOf(target, first);
        expect(expected.counts).toMatchObject({ status: "completed", validated: 7, invalid: 3, duplicates: 2, processed: 7 });
        expect(expected.problemsCsv.map((p) => p.import_reason)).toContain("Duplicate of line 2");
        expect(await reportOf(other, once)).toEqual(expected);
      });
    }
  }
});
