// "Replace X with Y in column C" through the import API (POST /api/imports/{id}/rows/replace, issue
// #16), and the audit entries fixing rows in place writes: who, which import, which line or column,
// how many rows; a source's key or docs link has no person and is named as the source.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db";
import { auditEvents } from "@/db/schema";
import { insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { addPerson } from "../helpers/accounts";
import { newFixAccount, patchRow, replaceRows, uploadAndValidate } from "../helpers/correct-rows";
import { basic, callImport, json, uploadFile } from "../helpers/imports";

afterAll(() => stopQueue(getDatabase()));

type ReplaceReply = { corrected: number; fixed: number; import: { id: string; invalid: number; duplicates: number } };
const auditOf = (id: string) =>
  getDb()
    .select({ actorId: auditEvents.actorId, actorEmail: auditEvents.actorEmail, action: auditEvents.action, targetLabel: auditEvents.targetLabel, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, "import"), eq(auditEvents.targetId, id)))
    .orderBy(asc(auditEvents.id));

let sessions = 0;
async function sessionOf(holderId: string) {
  const token = `replace-session-${++sessions}`;
  await insertSession({ tokenHash: sha256(token), accountHolderId: holderId, expiresAt: new Date(Date.now() + 3_600_000) });
  return `lp_session=${token}`;
}

describe("POST /api/imports/{id}/rows/replace", () => {
  it("replaces whole matching cells in the rows with problems and answers with the counts", async () => {
    const target = await newFixAccount("replace");
    const id = await uploadAndValidate(target);
    const reply = await json<ReplaceReply>(replaceRows(id, { column: "State", find: "xx", replace: "TX" }, basic(target.apiKey)));
    expect(reply).toMatchObject({ corrected: 3, fixed: 3, import: { id, invalid: 2, duplicates: 1 } });
    // Nothing left to match: nothing changes.
    expect(await json<ReplaceReply>(replaceRows(id, { column: "state", find: "XX", replace: "TX" }, basic(target.apiKey)))).toMatchObject({ corrected: 0, fixed: 0 });
  });

  it("answers 400 for a bad body or an unknown column, 404 for another's import, 403 for a viewer, 409 unless validated", async () => {
    const target = await newFixAccount("replace");
    const other = await newFixAccount("replace");
    const id = await uploadAndValidate(target);
    const auth = basic(target.apiKey);
    expect((await json(replaceRows(id, "not json", auth), 400)).error).toMatch(/^Send JSON like/);
    expect((await json(replaceRows(id, { column: "", find: "XX", replace: "TX" }, auth), 400)).error).toMatch(/^Send JSON like/);
    expect((await json(replaceRows(id, { column: "State", find: ["XX"], replace: "TX" }, auth), 400)).error).toMatch(/^Send JSON like/);
    expect((await json(replaceRows(id, { column: "Zip", find: "", replace: "1" }, auth), 400)).error).toBe('"Zip" is not a column of this file.');
    expect((await replaceRows(id, { column: "State", find: "XX", replace: "TX" }, "")).status).toBe(401);
    expect((await replaceRows(id, { column: "State", find: "XX", replace: "TX" }, basic(other.apiKey))).status).toBe(404);
    const viewer = await addPerson({ accountId: target.accountId, email: `replace-viewer${sessions}@example.com`, password: "viewer-password", role: "viewer" });
    expect((await replaceRows(id, { column: "State", find: "XX", replace: "TX" }, await sessionOf(viewer.id))).status).toBe(403);
    const { id: staged } = await json<{ id: string }>(uploadFile(target, "Email,State\na@example.com,XX\n"), 201);
    expect((await json(replaceRows(staged, { column: "State", find: "XX", replace: "TX" }, auth), 409)).error).toMatch(/^Rows can be corrected only/);
    expect(await json(callImport(id, "status", { auth: target.apiKey }))).toMatchObject({ invalid: 5, duplicates: 1 });
    expect(await auditOf(id)).toEqual([]);
    expect(await auditOf(staged)).toEqual([]);
  });
});

describe("the audit log of fixing rows in place", () => {
  it("records each row correction and each column replace with who, the line or column, and how many rows", async () => {
    const target = await newFixAccount("replace");
    const id = await uploadAndValidate(target);
    const owner = await sessionOf(target.holderId);
    await json(patchRow(id, 4, { State: "TX", email: "cy2@example.com" }, basic(target.apiKey)));
    await json(patchRow(id, 3, { Email: "bob@example.com" }, owner));
    await json(replaceRows(id, { column: "State", find: "XX", replace: "TX" }, `Bearer ${target.docsToken}`));
    expect(await auditOf(id)).toEqual([
      { actorId: null, actorEmail: "source:Other source", action: "import.row_corrected", targetLabel: "leads.csv", details: { line: 4, columns: ["State", "Email"] } },
      { actorId: target.holderId, actorEmail: target.email, action: "import.row_corrected", targetLabel: "leads.csv", details: { line: 3, columns: ["Email"] } },
      {
        actorId: null,
        actorEmail: "source:Other source",
        action: "import.column_replaced",
        targetLabel: "leads.csv",
        details: { column: "State", find: "XX", replace: "TX", rows: 2, lines: [5, 6] },
      },
    ]);
  });

  it("writes nothing for a correction that was refused", async () => {
    const target = await newFixAccount("replace");
    const id = await uploadAndValidate(target);
    expect((await patchRow(id, 8, { State: "TX" }, basic(target.apiKey))).status).toBe(400);
    expect((await patchRow(id, 99, { State: "TX" }, basic(target.apiKey))).status).toBe(404);
    expect(await auditOf(id)).toEqual([]);
  });
});
