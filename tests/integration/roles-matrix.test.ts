// The role × action matrix (issue #11): every Server Action and route handler that changes
// something, called for real as an owner, admin, editor and viewer of account A and as the owner of
// account B. Allowed -> it takes effect (and is audited); refused -> nothing changed, with the
// action's own answer (error state, 403, or 404 for another account's target).
import { actAs, nextNavigation, type SignedIn } from "../helpers/as-person";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as flowActions from "@/app/(account)/flows/[flowId]/actions";
import * as newFlowActions from "@/app/(account)/flows/new/actions";
import * as testFlowActions from "@/app/(account)/flows/[flowId]/test/actions";
import * as reportActions from "@/app/(account)/reports/actions";
import * as sourceActions from "@/app/(account)/sources/[sourceId]/actions";
import * as newSourceActions from "@/app/(account)/sources/actions";
import * as wizard from "@/app/_components/imports/actions";
import * as resumeRoute from "@/app/api/imports/[id]/resume/route";
import { getDatabase, getDb } from "@/db";
import { flows, imports, leads, reportLinks, sources } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { getFlowForAccount, setFlowEnabled } from "@/lib/flows/queries";
import { createFlow, saveFlow } from "@/lib/flows/save-flow";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { createReportLink } from "@/lib/report-links/service";
import { createSource } from "@/lib/sources/manage";
import { callImport, uploadFile, uploadMultiFlow } from "../helpers/imports";
import { IMPORT_FIX_ROWS } from "../helpers/role-matrix-imports";
import { SETTINGS_ROWS } from "../helpers/role-matrix-settings";
import { CALLERS, countAudit, createMatrixFixture, importInState, importOf, mappedImport, row, stagedImport, suggestedMapping, type Caller, type MatrixFixture, type MatrixRow } from "../helpers/role-matrix";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};
const ownerActor = (f: MatrixFixture) => ({ id: f.a.holderId, email: "matrix-owner@example.com" });
let serial = 0;
const unique = (name: string) => `${name} ${++serial}`;

async function newFlow(f: MatrixFixture) {
  const flowId = await createFlow({ accountId: f.a.accountId, actor: ownerActor(f), name: unique("Matrix flow"), starter: "contact" });
  return (await getFlowForAccount(f.a.accountId, flowId))!;
}
const flowVersion = async (f: MatrixFixture, flowId: string) => (await getFlowForAccount(f.a.accountId, flowId))!.version;
async function newSource(f: MatrixFixture) {
  const created = await createSource({ accountId: f.a.accountId, flowId: f.a.flowId, name: unique("Matrix source"), contact: "", actor: ownerActor(f) });
  if (created.status !== "ok") throw new Error("no source");
  return created.sourceId;
}
const sourceRow = async (id: string) => (await getDb().select().from(sources).where(eq(sources.id, id)))[0]!;
async function newLink(f: MatrixFixture, scope: unknown = { kind: "report", flowIds: [f.a.flowId] }) {
  const link = await createReportLink({ accountId: f.a.accountId, name: unique("Matrix link"), scope, actor: ownerActor(f) });
  if (link.status !== "ok") throw new Error(link.message);
  return (await getDb().select().from(reportLinks).where(eq(reportLinks.id, link.id)))[0]!;
}
const linkRow = async (id: string) => (await getDb().select().from(reportLinks).where(eq(reportLinks.id, id)))[0]!;
const countWhere = async (table: typeof flows | typeof imports | typeof leads, accountId: string) =>
  Number((await getDb().select({ n: count() }).from(table).where(eq(table.accountId, accountId)))[0]!.n);
const holder = { kind: "holder" } as const;
const statusOf = async (id: string) => (await importOf(id)).status;

const FLOWS: MatrixRow[] = [
  row({
    name: "create a flow (action)", action: "createFlowAction", permission: "flows:write", kind: "state", audit: "flow.created", untargeted: true,
    prepare: async () => unique("Created flow"),
    run: (_f, name) => newFlowActions.createFlowAction({ status: "idle" }, form({ name, starter: "blank" })),
    changed: async (f, name) => (await getDb().select().from(flows).where(and(eq(flows.accountId, f.a.accountId), eq(flows.name, name)))).length === 1,
  }),
  row({
    name: "save a flow (action)", action: "saveFlowAction", permission: "flows:write", kind: "state", audit: "flow.saved",
    prepare: newFlow,
    run: (_f, flow) => flowActions.saveFlowAction({ status: "idle" }, form({ flowId: flow.id, expectedVersion: "1", name: "Saved", config: JSON.stringify(flow.config) })),
    changed: async (f, flow) => (await flowVersion(f, flow.id)) === 2,
  }),
  row({
    name: "revert a flow (action)", action: "revertFlowAction", permission: "flows:write", kind: "state", audit: "flow.reverted",
    prepare: async (f) => {
      const flow = await newFlow(f);
      await saveFlow({ accountId: f.a.accountId, actor: ownerActor(f), flowId: flow.id, expectedVersion: 1, name: "Second", config: flow.config });
      return flow;
    },
    run: (_f, flow) => flowActions.revertFlowAction({ status: "idle" }, form({ flowId: flow.id, version: "1", expectedVersion: "2" })),
    changed: async (f, flow) => (await flowVersion(f, flow.id)) === 3,
  }),
  row({
    name: "disable a flow (action)", action: "setFlowEnabledAction", permission: "flows:write", kind: "void", audit: "flow.disabled",
    prepare: newFlow,
    run: (_f, flow) => flowActions.setFlowEnabledAction(form({ flowId: flow.id, enabled: "false" })),
    changed: async (f, flow) => !(await getFlowForAccount(f.a.accountId, flow.id))!.enabled,
  }),
  row({
    name: "enable a flow (action)", action: "setFlowEnabledAction", permission: "flows:write", kind: "void", audit: "flow.enabled",
    prepare: async (f) => {
      const flow = await newFlow(f);
      await setFlowEnabled(f.a.accountId, flow.id, false, ownerActor(f));
      return flow;
    },
    run: (_f, flow) => flowActions.setFlowEnabledAction(form({ flowId: flow.id, enabled: "true" })),
    changed: async (f, flow) => (await getFlowForAccount(f.a.accountId, flow.id))!.enabled,
  }),
  row({
    name: "test a flow (action: stores a test lead)", action: "testFlowAction", permission: "flows:write", kind: "state",
    prepare: async (f) => countWhere(leads, f.a.accountId),
    run: (f) => testFlowActions.testFlowAction({ status: "idle" }, form({ flowId: f.a.flowId, sourceId: f.a.sourceId, "field.email": "t@example.com" })),
    changed: async (f, before) => (await countWhere(leads, f.a.accountId)) > before,
  }),
];

const SOURCES: MatrixRow[] = [
  row({
    name: "create a source (action)", action: "createSourceAction", permission: "sources:write", kind: "state", audit: "source.created",
    prepare: async () => unique("New source"),
    run: (f, name) => newSourceActions.createSourceAction({ status: "idle" }, form({ flowId: f.a.flowId, name, contact: "" })),
    changed: async (f, name) => (await getDb().select().from(sources).where(and(eq(sources.accountId, f.a.accountId), eq(sources.name, name)))).length === 1,
  }),
  row({
    name: "disable a source in its settings (action)", action: "updateSourceSettingsAction", permission: "sources:write", kind: "state", audit: "source.disabled",
    prepare: newSource,
    run: (_f, id) => sourceActions.updateSourceSettingsAction({ status: "idle" }, form({ sourceId: id, name: "Renamed", contact: "" })),
    changed: async (_f, id) => !(await sourceRow(id)).enabled,
  }),
  row({
    name: "rotate the API key (action)", action: "rotateApiKeyAction", permission: "sources:write", kind: "state", audit: "source.api_key_rotated",
    prepare: async (f) => ({ id: await newSource(f), hash: "" }),
    run: async (_f, s) => {
      s.hash = (await sourceRow(s.id)).apiKeyHash;
      return sourceActions.rotateApiKeyAction({ status: "idle" }, form({ sourceId: s.id }));
    },
    changed: async (_f, s) => (await sourceRow(s.id)).apiKeyHash !== s.hash,
  }),
  row({
    name: "rotate the docs link (action)", action: "rotateDocsLinkAction", permission: "sources:write", kind: "state", audit: "source.docs_link_rotated",
    prepare: async (f) => ({ id: await newSource(f), hash: "" }),
    run: async (_f, s) => {
      s.hash = (await sourceRow(s.id)).docsTokenHash;
      return sourceActions.rotateDocsLinkAction({ status: "idle" }, form({ sourceId: s.id }));
    },
    changed: async (_f, s) => (await sourceRow(s.id)).docsTokenHash !== s.hash,
  }),
  row({
    name: "save source criteria and pricing (action)", action: "saveSourceConfigAction", permission: "sources:write", kind: "state",
    prepare: newSource,
    run: (_f, id) => sourceActions.saveSourceConfigAction({ status: "idle" }, form({ sourceId: id, config: JSON.stringify({ acceptance: [], pricing: { mode: "rules", rules: [{ ruleSet: { op: "and", rules: [] }, price: 3 }] }, caps: [] }) })),
    changed: async (_f, id) => JSON.stringify((await sourceRow(id)).config).includes('"price":3'),
  }),
  row({
    name: "choose a source's reply format (action)", action: "saveReplyFormatAction", permission: "sources:write", kind: "state",
    prepare: newSource,
    run: (_f, id) => sourceActions.saveReplyFormatAction({ status: "idle" }, form({ sourceId: id, replyFormat: "classic" })),
    changed: async (_f, id) => ((await sourceRow(id)).config as { replyFormat?: string }).replyFormat === "classic",
  }),
  row({
    name: "set a source's import webhook (action)", action: "sourceImportWebhookAction", permission: "sources:write", kind: "state", audit: "source.import_webhook_set",
    prepare: newSource,
    run: (_f, id) => sourceActions.sourceImportWebhookAction({ status: "idle" }, form({ intent: "save", sourceId: id, url: "https://hooks.example.com/source" })),
    changed: async (_f, id) => (await sourceRow(id)).importWebhookUrl === "https://hooks.example.com/source",
  }),
];

const REPORTS: MatrixRow[] = [
  row({
    name: "share a report (action)", action: "createReportLinkAction", permission: "reports:share", kind: "state", audit: "report_link.shared",
    prepare: async () => unique("Shared"),
    run: (f, name) => reportActions.createReportLinkAction({ status: "idle" }, form({ kind: "report", name, flow: f.a.flowId })),
    changed: async (f, name) => (await getDb().select().from(reportLinks).where(and(eq(reportLinks.accountId, f.a.accountId), eq(reportLinks.name, name)))).length === 1,
  }),
  row({
    name: "give a shared link a new URL (action)", action: "changeReportLinkAction", permission: "reports:share", kind: "void", audit: "report_link.shared",
    prepare: (f) => newLink(f),
    run: (_f, link) => reportActions.changeReportLinkAction(form({ linkId: link.id })),
    changed: async (_f, link) => (await linkRow(link.id)).tokenHash !== link.tokenHash,
  }),
  row({
    name: "revoke a shared link (action)", action: "stopReportLinkAction", permission: "reports:share", kind: "void", audit: "report_link.revoked",
    prepare: (f) => newLink(f),
    run: (_f, link) => reportActions.stopReportLinkAction(form({ linkId: link.id })),
    changed: async (_f, link) => (await linkRow(link.id)).revokedAt !== null,
  }),
  row({
    name: "show contacts on a partner link (action)", action: "setPartnerContactsAction", permission: "reports:share", kind: "void",
    prepare: (f) => newLink(f, { kind: "partner", sourceId: f.a.sourceId }),
    run: (_f, link) => reportActions.setPartnerContactsAction(form({ linkId: link.id, show: "1" })),
    changed: async (_f, link) => (await linkRow(link.id)).scope !== null && (await linkRow(link.id)).scope!.toString() !== "" && JSON.stringify((await linkRow(link.id)).scope).includes('"showContacts":true'),
  }),
];

const WIZARD: MatrixRow[] = [
  row({
    name: "change an import's file settings (wizard action)", action: "changeFileSettingsAction", permission: "imports:write", kind: "state",
    prepare: stagedImport,
    run: async (_f, id) => {
      const { encoding, delimiter } = (await importOf(id)).settings as { encoding: string; delimiter: string };
      return wizard.changeFileSettingsAction({ scope: holder, id, encoding, delimiter, header: false });
    },
    changed: async (_f, id) => ((await importOf(id)).settings as { header: boolean }).header === false,
  }),
  row({
    name: "map and validate an import (wizard action)", action: "saveMappingAndValidateAction", permission: "imports:write", kind: "state",
    prepare: async (f) => ({ id: await stagedImport(f), mapping: [] as Array<{ column: number; fieldId: string | null }> }),
    run: async (f, s) => wizard.saveMappingAndValidateAction({ scope: holder, id: s.id, mapping: await suggestedMapping(f, s.id) }),
    changed: async (_f, s) => (await statusOf(s.id)) === "validating",
  }),
  row({
    name: "confirm an import (wizard action)", action: "confirmImportAction", permission: "imports:write", kind: "state",
    prepare: (f) => importInState(f, { status: "validated" }),
    run: (_f, id) => wizard.confirmImportAction({ scope: holder, id, mode: "all" }),
    changed: async (_f, id) => (await statusOf(id)) === "importing",
  }),
  row({
    name: "cancel an import (wizard action)", action: "cancelImportAction", permission: "imports:write", kind: "state", audit: "import.cancelled",
    prepare: stagedImport,
    run: (_f, id) => wizard.cancelImportAction({ scope: holder, id }),
    changed: async (_f, id) => (await statusOf(id)) === "cancelled",
  }),
  row({
    name: "resume an import (wizard action)", action: "resumeImportAction", permission: "imports:write", kind: "state",
    prepare: (f) => importInState(f, { status: "cancelled", mode: "all", processedRows: 0 }),
    run: (_f, id) => wizard.resumeImportAction({ scope: holder, id }),
    changed: async (_f, id) => (await statusOf(id)) !== "cancelled",
  }),
];

const route = (as: SignedIn, id: string, name: Parameters<typeof callImport>[1], method: string, body: unknown = {}) => callImport(id, name, { method, auth: as.cookie, body });

const IMPORT_API: MatrixRow[] = [
  row({
    name: "POST /api/flows/{flow}/sources/{source}/imports", permission: "imports:write", kind: "route",
    prepare: (f) => countWhere(imports, f.a.accountId),
    run: (f, _before, as) => uploadFile(f.a, "Email\nx@example.com\n", { auth: "", headers: { cookie: as.cookie } }),
    changed: async (f, before) => (await countWhere(imports, f.a.accountId)) > before,
  }),
  row({
    name: "POST /api/imports (multi-flow file)", permission: "imports:write", kind: "route", untargeted: true,
    prepare: (f) => countWhere(imports, f.a.accountId),
    run: (f, _before, as) => uploadMultiFlow(as.cookie, `flow_id,source_id,Email\n${f.a.flowId},${f.a.sourceId},x@example.com\n`),
    changed: async (f, before) => (await countWhere(imports, f.a.accountId)) > before,
  }),
  row({
    name: "PUT /api/imports/{id}/settings", permission: "imports:write", kind: "route",
    prepare: stagedImport,
    run: (_f, id, as) => route(as, id, "settings", "PUT", { header: false }),
    changed: async (_f, id) => ((await importOf(id)).settings as { header: boolean }).header === false,
  }),
  row({
    name: "PUT /api/imports/{id}/mapping", permission: "imports:write", kind: "route",
    prepare: stagedImport,
    run: async (f, id, as) => route(as, id, "mapping", "PUT", { mapping: await suggestedMapping(f, id) }),
    changed: async (_f, id) => (await importOf(id)).mapping !== null,
  }),
  row({
    name: "POST /api/imports/{id}/validate", permission: "imports:write", kind: "route",
    prepare: mappedImport,
    run: (_f, id, as) => route(as, id, "validate", "POST"),
    changed: async (_f, id) => (await statusOf(id)) === "validating",
  }),
  row({
    name: "POST /api/imports/{id}/confirm", permission: "imports:write", kind: "route",
    prepare: (f) => importInState(f, { status: "validated" }),
    run: (_f, id, as) => route(as, id, "confirm", "POST", { mode: "all" }),
    changed: async (_f, id) => (await statusOf(id)) === "importing",
  }),
  row({
    name: "POST /api/imports/{id}/cancel", permission: "imports:write", kind: "route", audit: "import.cancelled",
    prepare: stagedImport,
    run: (_f, id, as) => route(as, id, "cancel", "POST"),
    changed: async (_f, id) => (await statusOf(id)) === "cancelled",
  }),
  row({
    name: "POST /api/imports/{id}/resume", permission: "imports:write", kind: "route",
    prepare: (f) => importInState(f, { status: "cancelled", mode: "all", processedRows: 0 }),
    run: (_f, id, as) => resumeRoute.POST(new Request(`http://localhost:3000/api/imports/${id}/resume`, { method: "POST", headers: { cookie: as.cookie } }), { params: Promise.resolve({ id }) }),
    changed: async (_f, id) => (await statusOf(id)) !== "cancelled",
  }),
];

export const MATRIX: MatrixRow[] = [...FLOWS, ...SOURCES, ...REPORTS, ...WIZARD, ...IMPORT_API, ...IMPORT_FIX_ROWS, ...SETTINGS_ROWS];

let f: MatrixFixture;
beforeAll(async () => {
  f = await createMatrixFixture("matrix");
});
afterAll(async () => {
  await stopQueue(getDatabase());
});

/** The call's answer: its value, or the redirect/not-found Next's navigation threw. Other errors fail the test. */
async function attempt(run: () => Promise<unknown>): Promise<{ value?: unknown; navigation?: string }> {
  try {
    return { value: await run() };
  } catch (error) {
    const navigation = nextNavigation(error);
    if (navigation === null) throw error;
    return { navigation };
  }
}

async function answerOf(kind: MatrixRow["kind"], outcome: { value?: unknown; navigation?: string }) {
  if (kind !== "route") return outcome;
  const response = outcome.value as Response;
  return { status: response.status, body: await response.json().catch(() => null) };
}

function expectAllowed(r: MatrixRow, answer: Record<string, unknown>) {
  if (r.kind === "route") expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  else if (r.kind === "state" && answer.value !== undefined) expect((answer.value as { status: string }).status).not.toMatch(/^(error|invalid|refused)$/);
}

function expectRefused(r: MatrixRow, caller: Caller, answer: Record<string, unknown>) {
  const other = caller === "other-owner";
  if (r.kind === "route") {
    expect(answer.status).toBe(other ? 404 : 403);
    if (!other) expect(answer.body).toEqual({ error: FORBIDDEN_MESSAGE });
  } else if (r.kind === "void") {
    expect(answer).toEqual({ value: undefined });
  } else if (other) {
    expect((answer.value as { status: string }).status).toMatch(/^(error|invalid|refused)$/);
    expect(answer.value).not.toMatchObject({ message: FORBIDDEN_MESSAGE });
  } else {
    expect(answer.value).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
  }
}

describe.each(MATRIX)("$name ($permission)", (r) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const subject = await r.prepare(f);
    const auditBefore = r.audit ? await countAudit(f.a.accountId, r.audit) : 0;
    actAs(f.sessions[caller]);
    const answer = await answerOf(r.kind, await attempt(() => r.run(f, subject, f.sessions[caller], caller)));
    const changed = await r.changed(f, subject);
    const inAccount = caller !== "other-owner";
    const allowed = inAccount ? can(caller, r.permission) : r.untargeted === true;
    if (inAccount && allowed) {
      expectAllowed(r, answer);
      expect(changed).toBe(true);
    } else {
      if (!allowed) expectRefused(r, caller, answer);
      expect(changed).toBe(false);
    }
    if (r.audit) expect(await countAudit(f.a.accountId, r.audit)).toBe(auditBefore + (inAccount && allowed ? 1 : 0));
  });
});

// Every "use server" module under app/(account) and app/_components: the account's pages call them.
// The others are not for a role (sign-in, links, sign-up) or act by a docs link's token (app/docs).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
async function signedInActionModules(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of ["app/(account)", "app/_components"]) {
    for (const entry of await readdir(path.join(ROOT, dir), { recursive: true })) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = path.join(dir, entry);
      if (/^\s*["']use server["'];?\s*$/m.test(await readFile(path.join(ROOT, file), "utf8"))) files.push(file);
    }
  }
  return files.sort();
}

describe("the matrix itself", () => {
  const ownAccountRows = MATRIX.filter((r) => r.permission === "read");

  it("refuses a viewer every change but to their own account, and an editor only people and settings", () => {
    for (const r of MATRIX) {
      expect(can("viewer", r.permission), r.name).toBe(r.permission === "read");
      expect(can("editor", r.permission), r.name).toBe(r.permission !== "people:manage" && r.permission !== "settings:write");
      expect(can("admin", r.permission), r.name).toBe(true);
    }
    expect(ownAccountRows.map((r) => r.name.split(" ")[0])).toEqual(["renameSelfAction", "changePasswordAction", "signOutOtherSessionsAction"]);
  });

  it("has a row for every Server Action a signed-in person calls", async () => {
    const named = new Set(MATRIX.map((r) => r.action ?? r.name.split(" ")[0]));
    const modules = await signedInActionModules();
    expect(modules.length).toBeGreaterThan(10);
    for (const file of modules) {
      const actions = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(actions)) {
        if (typeof value === "function") expect(named.has(name), `${file}: ${name}`).toBe(true);
      }
    }
  });
});
