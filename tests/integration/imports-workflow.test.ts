// An import from upload to summary through the route handlers: mapping (suggested, then what the
// source chose last time), changing settings without uploading again, validation, both import
// modes, the results and problems files, cancelling, and multi-flow files.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { accountHolders, leads } from "@/db/schema";
import { insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { createAccount } from "../helpers/accounts";
import { callImport, json, runJobToEnd, uploadFile, uploadMultiFlow } from "../helpers/imports";

const FILE = [
  "First Name,E-mail Address,Phone,State,Zip,Notes",
  "Ann,ann@example.com,5125550100,TX,02134,=cmd()",
  "Bob,,,TX,,",
  "Cy,cy@example.com,5125550102,XX,,",
  "Ann,ANN@example.com,(512) 555-0100,tx,,again",
  "Dee,dee@example.com,5125550104,VA",
  'Eve,eve@example.com,5125550105,CA,90210,"+1 call, after 5"',
].join("\r\n");

// Validate and confirm queue a job (the worker is not running here; the tests run the job themselves).
afterAll(() => stopQueue(getDatabase()));

let accounts = 0;
const newAccount = () => createAccount({ email: `workflow${++accounts}@example.com`, password: "workflow-password" });
type Target = Awaited<ReturnType<typeof newAccount>>;

async function uploadAndValidate(target: Target, content = FILE) {
  const { id } = await json<{ id: string }>(uploadFile(target, content), 201);
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: (await suggested(id, target)).map(({ column, fieldId }) => ({ column, fieldId })) } }));
  await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
  expect(await runJobToEnd(id)).toBe("done");
  return id;
}

async function suggested(id: string, target: Target) {
  const view = await json<{ columns: Array<{ column: number; header: string; fieldId: string | null; by: string | null }> }>(callImport(id, "mapping", { auth: target.apiKey }));
  return view.columns;
}

const csvOf = async (res: Response) => parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

describe("mapping", () => {
  it("suggests fields by header name, then offers what this source mapped last time", async () => {
    const target = await newAccount();
    const { id } = await json<{ id: string }>(uploadFile(target, FILE), 201);
    const columns = await suggested(id, target);
    expect(columns.map((c) => [c.header, c.fieldId, c.by])).toEqual([
      ["First Name", "first_name", "exact"],
      ["E-mail Address", "email", "synonym"],
      ["Phone", "phone_1", "synonym"],
      ["State", "state", "exact"],
      ["Zip", "postal_code", "synonym"],
      ["Notes", "comments", "synonym"],
    ]);

    const other = "Email,Loan Kind\na@b.co,Fair\n";
    const first = await json<{ id: string }>(uploadFile(target, other), 201);
    expect((await suggested(first.id, target))[1]).toMatchObject({ header: "Loan Kind", fieldId: null });
    const mapping = [{ column: 0, fieldId: "email" }, { column: 1, fieldId: "credit_rating" }];
    await json(callImport(first.id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping } }));
    const second = await json<{ id: string }>(uploadFile(target, other), 201);
    expect((await suggested(second.id, target))[1]).toMatchObject({ header: "Loan Kind", fieldId: "credit_rating", by: "previous" });
  });

  it("names required fields that no column fills and previews the first rows", async () => {
    const target = await newAccount();
    const { id } = await json<{ id: string }>(uploadFile(target, "Nothing Useful,Other\nx,y\n"), 201);
    const view = await json<{ missing: string[]; preview: Array<{ line: number; cells: string[] }> }>(callImport(id, "mapping", { auth: target.apiKey }));
    expect(view.preview).toEqual([{ line: 2, cells: ["x", "y"], problem: null }]);
    const refused = await callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: [{ column: 0, fieldId: "no_such_field" }] } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("no_such_field is not a field of this flow.");
  });
});

describe("changing settings without uploading again", () => {
  it("re-reads the stored file with another delimiter and header setting", async () => {
    const target = await newAccount();
    const content = "email;phone_1\na@b.co;5125550100\nc@d.co;5125550101\n";
    const { id, headers } = await json<{ id: string; headers: string[] }>(uploadFile(target, content, { query: "delimiter=comma" }), 201);
    expect(headers).toEqual(["email;phone_1"]);
    const changed = await json<{ headers: string[]; rows: number; settings: object; detected: object }>(callImport(id, "settings", { method: "PUT", auth: target.apiKey, body: { delimiter: ";" } }));
    expect(changed).toMatchObject({ headers: ["email", "phone_1"], rows: 2, settings: { delimiter: ";" }, detected: { delimiter: ";" } });
    const noHeader = await json<{ headers: string[]; rows: number }>(callImport(id, "settings", { method: "PUT", auth: target.apiKey, body: { header: false } }));
    expect(noHeader).toMatchObject({ headers: ["Column 1", "Column 2"], rows: 3 });
  });

  it("keeps the import as it was when the new settings cannot read the file", async () => {
    const target = await newAccount();
    const { id } = await json<{ id: string }>(uploadFile(target, "a@b.co,5125550100\n"), 201);
    const res = await callImport(id, "settings", { method: "PUT", auth: target.apiKey, body: { header: true } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/header row but no data rows/);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ rows: 1, settings: { header: false } });
  });
});

describe("validating and importing", () => {
  it("counts valid, invalid and duplicate rows and reports each problem by line", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "validated", rows: 6, validated: 6, invalid: 3, duplicates: 1, unreadable: 1 });
    const { rows } = await json<{ rows: Array<{ line: number; problems: unknown[]; duplicateOfLine: number | null }> }>(callImport(id, "problems", { auth: target.apiKey }));
    expect(rows.map((r) => [r.line, r.problems, r.duplicateOfLine])).toEqual([
      [3, [{ field: "email, phone_1", value: "", reason: "Email or phone is required" }], null],
      [4, [{ field: "state", value: "XX", reason: "State must be a valid US state or Canadian province" }], null],
      [5, [], 2],
      [6, [{ field: null, value: "", reason: "This row has 4 values but the header has 6 columns." }], null],
    ]);
    const problems = await csvOf(await callImport(id, "problems.csv", { auth: target.apiKey }));
    expect(problems.map((p) => [p.import_line_num, p["First Name"], p.import_reason])).toEqual([
      ["3", "Bob", "Email or phone is required"],
      ["4", "Cy", "State must be a valid US state or Canadian province"],
      ["5", "Ann", "Duplicate of line 2"],
      ["6", "Dee", "This row has 4 values but the header has 6 columns."],
    ]);
  });

  it("imports all rows: invalid ones fail with their reason, every line gets one lead", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
    expect(await runJobToEnd(id)).toBe("done");
    const view = await json(callImport(id, "status", { auth: target.apiKey }));
    expect(view).toMatchObject({ status: "completed", processed: 6, outcomes: { success: 2, failure: 4, error: 0 }, notImported: 0 });
    const results = await csvOf(await callImport(id, "results.csv", { auth: target.apiKey }));
    expect(results.map((r) => [r.import_line_num, r.import_outcome, r.import_reason])).toEqual([
      ["2", "success", ""],
      ["3", "failure", "Email or phone is required"],
      ["4", "failure", "State must be a valid US state or Canadian province"],
      ["5", "failure", "duplicate"],
      ["6", "failure", "This row has 4 values but the header has 6 columns."],
      ["7", "success", ""],
    ]);
    expect(results[0]).toMatchObject({ Zip: "02134", Notes: "'=cmd()" });
    expect(results[5]!.Notes).toBe("'+1 call, after 5");
    const stored = await getDb().select().from(leads).where(eq(leads.importId, id));
    expect(stored.map((l) => l.importLine).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(stored.every((l) => l.isBatchLead)).toBe(true);
    expect(results.map((r) => r.import_lead_id).sort()).toEqual(stored.map((l) => l.id).sort());
  });

  it("imports only valid rows: the others are reported, not imported", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "valid" } }), 202);
    await runJobToEnd(id);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "completed", outcomes: { success: 2, failure: 4, error: 0 }, notImported: 4 });
    const results = await csvOf(await callImport(id, "results.csv", { auth: target.apiKey }));
    // One vocabulary (issue #14): the JSON's failure count is results.csv's failure rows.
    expect(results.filter((r) => r.import_outcome === "failure").length).toBe(4);
    expect(results.map((r) => [r.import_line_num, r.import_outcome, r.import_lead_id === "", r.import_reason])).toEqual([
      ["2", "success", false, ""],
      ["3", "failure", true, "Not imported: Email or phone is required"],
      ["4", "failure", true, "Not imported: State must be a valid US state or Canadian province"],
      ["5", "failure", true, "Not imported: Duplicate of line 2"],
      ["6", "failure", true, "Not imported: This row has 4 values but the header has 6 columns."],
      ["7", "success", false, ""],
    ]);
    const failed = await json<{ rows: Array<{ line: number }> }>(callImport(id, "results", { auth: target.apiKey, query: "outcome=failure" }));
    expect(failed.rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });

  it("stops a cancelled import and reports the rows it never reached", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } }), 202);
    await json(callImport(id, "cancel", { auth: target.apiKey, body: {} }), 202);
    expect(await runJobToEnd(id)).toBe("stopped");
    const results = await csvOf(await callImport(id, "results.csv", { auth: target.apiKey }));
    expect(results[0]).toMatchObject({ import_outcome: "failure", import_reason: "Not imported: the import was cancelled" });
    // The JSON and the counts by reason say what results.csv says about the rows never reached (issue #14).
    const summary = await json<{ import: { outcomes: { failure: number }; notImported: number }; byReason: Array<{ outcome: string; reason: string; count: number }> }>(
      callImport(id, "summary", { auth: target.apiKey }),
    );
    const failures = results.filter((r) => r.import_outcome === "failure").length;
    expect(summary.import).toMatchObject({ outcomes: { failure: failures }, notImported: failures });
    // A row never reached with a problem has its problem as reason, in results.csv and in the counts.
    const cancelled = results.filter((r) => r.import_reason === "Not imported: the import was cancelled").length;
    expect(summary.byReason).toContainEqual({ outcome: "failure", reason: "Not imported: the import was cancelled", count: cancelled });
    expect(summary.byReason.reduce((n, r) => n + r.count, 0)).toBe(results.length);
    expect((await callImport(id, "confirm", { auth: target.apiKey, body: { mode: "all" } })).status).toBe(409);
  });
});

describe("a file for many flows and sources", () => {
  it("routes each row by its flow_id and source_id, and reports rows naming another account's", async () => {
    const target = await newAccount();
    const stranger = await newAccount();
    const [holder] = await getDb().select({ id: accountHolders.id }).from(accountHolders).where(eq(accountHolders.accountId, target.accountId));
    await insertSession({ tokenHash: sha256("multi-session-token"), accountHolderId: holder!.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const cookie = "lp_session=multi-session-token";
    const content = [
      "flow_id,source_id,Email,State",
      `${target.flowId},${target.sourceId},m1@example.com,TX`,
      `${stranger.flowId},${stranger.sourceId},m2@example.com,TX`,
      `${target.flowId},,m3@example.com,TX`,
    ].join("\n");
    const { id, flowId } = await json<{ id: string; flowId: string | null }>(uploadMultiFlow(cookie, content), 201);
    expect(flowId).toBeNull();
    const columns = await json<{ columns: Array<{ fieldId: string | null }>; missing: string[] }>(callImport(id, "mapping", { auth: cookie }));
    expect(columns.columns.map((c) => c.fieldId)).toEqual(["__flow_id", "__source_id", "email", "state"]);
    await json(callImport(id, "mapping", { method: "PUT", auth: cookie, body: { mapping: columns.columns.map((c, column) => ({ column, fieldId: c.fieldId })) } }));
    await json(callImport(id, "confirm", { auth: cookie, body: { mode: "all" } }), 202);
    await runJobToEnd(id);
    expect(await json(callImport(id, "status", { auth: cookie }))).toMatchObject({ status: "completed", invalid: 2, outcomes: { success: 1 }, notImported: 2 });
    const results = await csvOf(await callImport(id, "results.csv", { auth: cookie }));
    expect(results.map((r) => r.import_reason)).toEqual([
      "",
      `Not imported: flow_id ${stranger.flowId} is not a flow of this account`,
      "Not imported: source_id is empty",
    ]);
  });
});
