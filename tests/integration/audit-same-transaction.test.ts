// Audit entries are written in the same transaction as the change they record (issue #11): when the
// entry cannot be written, the change does not happen either. recordAudit is made to fail here, and
// each audited change below must leave the database as it was.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase, getDb } from "@/db";
import { accountHolders, accountLinks, accounts, flows, importRows, imports, reportLinks, sessions, sources } from "@/db/schema";
import { createFlow, saveFlow } from "@/lib/flows/save-flow";
import { getFlowForAccount, setFlowEnabled } from "@/lib/flows/queries";
import { correctImportRow, replaceInImportColumn } from "@/lib/imports/correct/service";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { getImportFor } from "@/lib/imports/store";
import { cancelImport } from "@/lib/imports/workflow";
import { invitePerson } from "@/lib/people/invitations";
import { changeRole, removePerson } from "@/lib/people/manage";
import { createReportLink, stopReportLink } from "@/lib/report-links/service";
import { updateAccountSettings } from "@/lib/settings/account-settings";
import { createSource, rotateApiKey, rotateDocsLink, updateSourceSettings } from "@/lib/sources/manage";
import { callImport, runJobToEnd, uploadFile } from "../helpers/imports";
import { openSession, teamAccount } from "../helpers/people";

const audit = vi.hoisted(() => ({ failing: false }));
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit/record")>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (audit.failing) throw new Error("the audit entry could not be written");
      return real.recordAudit(...args);
    },
  };
});

type Team = Awaited<ReturnType<typeof teamAccount>>;
let team: Team;
let flowId: string;
let sourceId: string;
let apiKey: string;
const actor = () => ({ id: team.owner.id, email: team.owner.email });

beforeAll(async () => {
  team = await teamAccount("audit-tx");
  flowId = await createFlow({ accountId: team.accountId, actor: actor(), name: "Audited flow", starter: "contact" });
  const created = await createSource({ accountId: team.accountId, flowId, name: "Audited source", contact: "", actor: actor() });
  if (created.status !== "ok") throw new Error("no source");
  sourceId = created.sourceId;
  apiKey = created.apiKey;
});
afterEach(() => {
  audit.failing = false;
});
afterAll(() => stopQueue(getDatabase()));

/** Runs the change with the audit entry failing: it must throw, and `state()` must read the same after. */
async function expectUndone<T>(state: () => Promise<T>, change: () => Promise<unknown>) {
  const before = await state();
  audit.failing = true;
  await expect(change()).rejects.toThrow("the audit entry could not be written");
  audit.failing = false;
  expect(await state()).toEqual(before);
}

const sourceRow = async () => (await getDb().select().from(sources).where(eq(sources.id, sourceId)))[0]!;
const flowRow = async () => (await getDb().select().from(flows).where(eq(flows.id, flowId)))[0]!;

describe("when the audit entry cannot be written, nothing changes", () => {
  it("flows: saved, disabled", async () => {
    const flow = (await getFlowForAccount(team.accountId, flowId))!;
    await expectUndone(flowRow, () => saveFlow({ accountId: team.accountId, actor: actor(), flowId, expectedVersion: flow.version, name: "Renamed", config: flow.config }));
    await expectUndone(flowRow, () => setFlowEnabled(team.accountId, flowId, false, actor()));
  });

  it("sources: created, disabled, API key and docs link rotated", async () => {
    const named = () => getDb().select().from(sources).where(and(eq(sources.accountId, team.accountId), eq(sources.name, "Never made")));
    await expectUndone(named, () => createSource({ accountId: team.accountId, flowId, name: "Never made", contact: "", actor: actor() }));
    await expectUndone(sourceRow, () => updateSourceSettings(team.accountId, sourceId, { name: "Audited source", contact: "", enabled: false, requireApiKey: true }, actor()));
    await expectUndone(sourceRow, () => rotateApiKey(team.accountId, sourceId, actor()));
    await expectUndone(sourceRow, () => rotateDocsLink(team.accountId, sourceId, actor()));
  });

  it("report links: shared, revoked", async () => {
    const links = () => getDb().select().from(reportLinks).where(eq(reportLinks.accountId, team.accountId));
    await expectUndone(links, () => createReportLink({ accountId: team.accountId, name: "Never shared", scope: { kind: "report", flowIds: [flowId] }, actor: actor() }));
    const link = await createReportLink({ accountId: team.accountId, name: "Shared", scope: { kind: "report", flowIds: [flowId] }, actor: actor() });
    if (link.status !== "ok") throw new Error(link.message);
    await expectUndone(links, () => stopReportLink(team.accountId, link.id, actor()));
  });

  it("people: invited, role changed, removed (their sessions stay too)", async () => {
    const invitations = () => getDb().select().from(accountLinks).where(eq(accountLinks.accountId, team.accountId));
    await expectUndone(invitations, () => invitePerson(team.owner, { email: "never-invited@example.com", role: "viewer" }));
    const viewer = await team.add("viewer", "audited-viewer");
    await openSession(viewer.id);
    const person = async () => ({
      row: (await getDb().select().from(accountHolders).where(eq(accountHolders.id, viewer.id)))[0],
      sessions: (await getDb().select().from(sessions).where(eq(sessions.accountHolderId, viewer.id))).length,
    });
    await expectUndone(person, () => changeRole(team.owner, { personId: viewer.id, role: "editor" }));
    await expectUndone(person, () => removePerson(team.owner, viewer.id));
    expect((await person()).sessions).toBe(1);
  });

  it("account settings and an import's cancel", async () => {
    const account = async () => (await getDb().select().from(accounts).where(eq(accounts.id, team.accountId)))[0]!;
    await expectUndone(account, () => updateAccountSettings(team.owner, { name: "Never renamed", timeZone: "Europe/Berlin" }));

    const uploaded = await uploadFile({ flowId, sourceId, apiKey }, "Email\nann@example.com\n");
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const importRow = async () => (await getDb().select().from(imports).where(eq(imports.id, id)))[0]!;
    const imp = (await getImportFor(getDatabase(), { accountId: team.accountId }, id))!;
    await expectUndone(importRow, () => cancelImport(getDatabase(), imp, actor()));
    expect((await importRow()).status).not.toBe("cancelled");
  });

  it("an import's rows fixed in place: one row corrected, a value replaced in a column", async () => {
    // The flow requires an email: both rows lack one.
    const file = "Email,State\n,TX\n,TX\n";
    const uploaded = await uploadFile({ flowId, sourceId, apiKey }, file);
    const { id } = (await uploaded.json()) as { id: string };
    await callImport(id, "mapping", { method: "PUT", auth: apiKey, body: { mapping: [{ column: 0, fieldId: "email" }, { column: 1, fieldId: "state" }] } });
    await callImport(id, "validate", { auth: apiKey, body: {} });
    expect(await runJobToEnd(id)).toBe("done");
    const state = async () => ({
      imp: (await getDb().select().from(imports).where(eq(imports.id, id)))[0]!,
      rows: await getDb().select().from(importRows).where(eq(importRows.importId, id)).orderBy(importRows.line),
    });
    expect((await state()).imp.invalidRows).toBe(2);
    const access = { accountId: team.accountId };
    await expectUndone(state, () => correctImportRow(access, id, 2, { Email: "ann@example.com" }, actor()));
    await expectUndone(state, () => replaceInImportColumn(access, id, { column: "Email", find: "", replace: "bob@example.com" }, actor()));
  });
});
