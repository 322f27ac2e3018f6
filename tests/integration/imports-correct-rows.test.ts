// Fixing bad rows in place (issue #16): PATCH /api/imports/{id}/rows/{line} while the import waits
// for confirmation, "replace X with Y in column C", and what the import then makes of the
// corrected rows (the fixed values in the lead, the file's in its raw data, the timeline, results.csv).
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import * as rowRoute from "@/app/api/imports/[id]/rows/[line]/route";
import { getDatabase } from "@/db";
import { insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { replaceInImportColumn } from "@/lib/imports/correct/service";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { getLeadDetail, getLeadJson } from "@/lib/leads/lead-detail";
import { addPerson, createAccount } from "../helpers/accounts";
import { FILE_TO_FIX as FILE, FILE_TO_FIX_MAPPING } from "../helpers/correct-rows";
import { basic, callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";


afterAll(() => stopQueue(getDatabase()));

let accounts = 0;
const newAccount = () => createAccount({ email: `correct${++accounts}@example.com`, password: "correct-password" });
type Target = Awaited<ReturnType<typeof newAccount>>;

async function uploadAndValidate(target: Target) {
  const { id } = await json<{ id: string }>(uploadFile(target, FILE), 201);
  await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: FILE_TO_FIX_MAPPING } }));
  await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
  expect(await runJobToEnd(id)).toBe("done");
  return id;
}

function patchRow(id: string, line: number | string, body: unknown, authorization: string) {
  const credentials: Record<string, string> = authorization.startsWith("lp_session=") ? { cookie: authorization } : { authorization };
  const request = new Request(`http://localhost:3000/api/imports/${id}/rows/${line}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...credentials },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return rowRoute.PATCH(request, { params: Promise.resolve({ id, line: String(line) }) });
}

type RowReply = { line: number; cells: string[]; problems: Array<{ reason: string }>; duplicateOfLine: number | null; corrected: boolean; import: { invalid: number; duplicates: number } };
const problemLines = async (id: string, target: Target) =>
  (await json<{ rows: Array<{ line: number }> }>(callImport(id, "problems", { auth: target.apiKey }))).rows.map((r) => r.line);
const csvOf = async (res: Response) => parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

describe("PATCH /api/imports/{id}/rows/{line}", () => {
  it("checks a corrected row again at once: it leaves the problems, or shows its new ones, and the counts move", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 5, duplicates: 1 });
    expect(await problemLines(id, target)).toEqual([3, 4, 5, 6, 7, 8]);

    const fixed = await json<RowReply>(patchRow(id, 4, { fields: { State: "TX" } }, basic(target.apiKey)));
    expect(fixed).toMatchObject({ line: 4, cells: ["Cy", "cy@example.com", "5125550102", "TX"], problems: [], duplicateOfLine: null, corrected: true });
    expect(fixed.import).toMatchObject({ invalid: 4, duplicates: 1 });

    const still = await json<RowReply>(patchRow(id, 3, { fields: { "First Name": "Bobby" } }, basic(target.apiKey)));
    expect(still).toMatchObject({ problems: [{ reason: "Email or phone is required" }], corrected: true, import: { invalid: 4 } });
    // A key may also be the field a column is mapped to.
    expect(await json<RowReply>(patchRow(id, 3, { fields: { email: "bob@example.com" } }, basic(target.apiKey)))).toMatchObject({ problems: [], import: { invalid: 3 } });

    // Line 7 repeated line 2; with another phone it no longer does.
    expect(await json<RowReply>(patchRow(id, 7, { fields: { Phone: "5125550199" } }, basic(target.apiKey)))).toMatchObject({ duplicateOfLine: null, import: { duplicates: 0 } });
    expect(await problemLines(id, target)).toEqual([5, 6, 8]);
  });

  it("keeps a repeat a repeat while it still matches the line it repeats", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    expect(await json<RowReply>(patchRow(id, 7, { fields: { "First Name": "Annie" } }, basic(target.apiKey)))).toMatchObject({ duplicateOfLine: 2, import: { duplicates: 1 } });
  });

  it("answers 400 for a bad body, an unknown column or an unreadable row, and 404 for a line the import lacks", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    const auth = basic(target.apiKey);
    expect((await json(patchRow(id, 4, "not json", auth), 400)).error).toMatch(/^Send JSON like/);
    expect((await json(patchRow(id, 4, { fields: { State: ["TX"] } }, auth), 400)).error).toMatch(/^Send JSON like/);
    expect((await json(patchRow(id, 4, { fields: {} }, auth), 400)).error).toBe("fields must name at least one column to correct.");
    expect((await json(patchRow(id, 4, { fields: { Zip: "78701" } }, auth), 400)).error).toBe(
      '"Zip" is neither a column of the file nor a mapped field. Columns: First Name, Email, Phone, State.',
    );
    expect((await json(patchRow(id, "x", { fields: { State: "TX" } }, auth), 400)).error).toBe("The line must be a whole number from 1.");
    expect((await json(patchRow(id, 99, { fields: { State: "TX" } }, auth), 404)).error).toBe("This import has no line 99.");
    expect((await json(patchRow(id, 8, { fields: { State: "TX" } }, auth), 400)).error).toMatch(/^Line 8 could not be read/);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 5, duplicates: 1 });
  });

  it("is for the import's own callers, and for people who may change imports", async () => {
    const target = await newAccount();
    const other = await newAccount();
    const id = await uploadAndValidate(target);
    const body = { fields: { State: "TX" } };
    expect((await patchRow(id, 4, body, "")).status).toBe(401);
    expect((await patchRow(id, 4, body, basic(other.apiKey))).status).toBe(404);
    expect((await patchRow(id, 4, body, `Bearer ${other.docsToken}`)).status).toBe(404);
    const viewer = await addPerson({ accountId: target.accountId, email: `viewer${accounts}@example.com`, password: "viewer-password", role: "viewer" });
    await insertSession({ tokenHash: sha256(`viewer-session-${accounts}`), accountHolderId: viewer.id, expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await patchRow(id, 4, body, `lp_session=viewer-session-${accounts}`)).status).toBe(403);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 5 });
    await insertSession({ tokenHash: sha256(`owner-session-${accounts}`), accountHolderId: target.holderId, expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await json<RowReply>(patchRow(id, 4, body, `lp_session=owner-session-${accounts}`))).toMatchObject({ problems: [] });
    expect(await json<RowReply>(patchRow(id, 5, body, `Bearer ${target.docsToken}`))).toMatchObject({ problems: [] });
  });

  it("answers 409 before validation and once the import is confirmed", async () => {
    const target = await newAccount();
    const { id: staged } = await json<{ id: string }>(uploadFile(target, FILE), 201);
    expect((await json(patchRow(staged, 4, { fields: { State: "TX" } }, basic(target.apiKey)), 409)).error).toMatch(/^Rows can be corrected only while the import waits for confirmation/);
    const id = await uploadAndValidate(target);
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "valid" } }), 202);
    expect((await json(patchRow(id, 4, { fields: { State: "TX" } }, basic(target.apiKey)), 409)).error).toMatch(/^Rows can be corrected only/);
    await runJobToEnd(id);
    expect((await patchRow(id, 4, { fields: { State: "TX" } }, basic(target.apiKey))).status).toBe(409);
  });
});

describe("replace X with Y in a column", () => {
  it("replaces whole matching cells in every row with problems, and checks each again", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    const access = { accountId: target.accountId, sourceId: target.sourceId };
    const actor = { id: null, email: "source:Other source" };
    expect(await replaceInImportColumn(access, id, { column: "State", find: "xx", replace: "TX" }, actor)).toMatchObject({ status: "ok", corrected: 3, fixed: 3, import: { invalid: 2, duplicates: 1 } });
    expect(await problemLines(id, target)).toEqual([3, 7, 8]);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 2, duplicates: 1 });
    expect(await replaceInImportColumn(access, id, { column: "Zip", find: "", replace: "1" }, actor)).toEqual({ status: "invalid", message: '"Zip" is not a column of this file.' });
    expect(await replaceInImportColumn({ accountId: "someone-else" }, id, { column: "State", find: "", replace: "TX" }, actor)).toEqual({ status: "not_found" });
  });
});

describe("importing corrected rows", () => {
  it("imports the fixed values, keeps the file's in raw, says who corrected the row, and marks it in results.csv", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    await json(patchRow(id, 3, { fields: { Email: "bob@example.com" } }, `Bearer ${target.docsToken}`));
    await replaceInImportColumn({ accountId: target.accountId }, id, { column: "State", find: "XX", replace: "TX" }, { id: target.holderId, email: "owner@example.com" });
    await json(callImport(id, "confirm", { auth: target.apiKey, body: { mode: "valid" } }), 202);
    expect(await runJobToEnd(id)).toBe("done");
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ status: "completed", outcomes: { success: 5 } });

    const results = await csvOf(await callImport(id, "results.csv", { auth: target.apiKey }));
    expect(results.map((r) => [r.import_line_num, r.State, r.import_outcome, r.import_corrected])).toEqual([
      ["2", "TX", "success", "false"],
      ["3", "TX", "success", "true"],
      ["4", "TX", "success", "true"],
      ["5", "TX", "success", "true"],
      ["6", "TX", "success", "true"],
      ["7", "TX", "failure", "false"],
      ["8", "", "failure", "false"],
    ]);

    const cy = results.find((r) => r.import_line_num === "4")!.import_lead_id!;
    const lead = (await getLeadJson(target.accountId, cy))!;
    expect(lead.normalized).toMatchObject({ state: { normal: "TX" } });
    expect(lead.submitted).toMatchObject({ state: "XX", email: "cy@example.com" });
    const detail = (await getLeadDetail(target.accountId, cy))!;
    expect(detail.events[0]).toMatchObject({ step: "correction", reason: "Corrected before import by owner@example.com: state" });
    const bob = (await getLeadDetail(target.accountId, results.find((r) => r.import_line_num === "3")!.import_lead_id!))!;
    expect(bob.events[0]).toMatchObject({ step: "correction", reason: "Corrected before import by source:Other source: email" });
    const ann = (await getLeadDetail(target.accountId, results[0]!.import_lead_id!))!;
    expect(ann.events.map((e) => e.step)).not.toContain("correction");
  });

  it("keeps the corrections when the file is validated again", async () => {
    const target = await newAccount();
    const id = await uploadAndValidate(target);
    await json(patchRow(id, 4, { fields: { State: "TX" } }, basic(target.apiKey)));
    await json(callImport(id, "mapping", { method: "PUT", auth: target.apiKey, body: { mapping: FILE_TO_FIX_MAPPING } }));
    await json(callImport(id, "validate", { auth: target.apiKey, body: {} }), 202);
    expect(await runJobToEnd(id)).toBe("done");
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 4 });
    expect(await problemLines(id, target)).not.toContain(4);
  });
});
