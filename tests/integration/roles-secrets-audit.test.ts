// What a viewer is never given (API keys, Submission Docs links), and who the audit log names for
// changes the role matrix does not show: a source cancelling its own import, and a change that fails.
import { actAs, signInAs, type SignedIn } from "../helpers/as-person";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sourceActions from "@/app/(account)/sources/[sourceId]/actions";
import * as wizard from "@/app/_components/imports/actions";
import { getDatabase, getDb } from "@/db";
import { auditEvents } from "@/db/schema";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { getFlowForAccount } from "@/lib/flows/queries";
import { saveFlow } from "@/lib/flows/save-flow";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { getSourcePage, listFlowSourcesPage } from "@/lib/sources/source-view";
import { addPerson } from "../helpers/accounts";
import { callImport } from "../helpers/imports";
import { createMatrixFixture, stagedImport, type MatrixFixture } from "../helpers/role-matrix";

let f: MatrixFixture;
let viewer: { id: string; session: SignedIn };

beforeAll(async () => {
  f = await createMatrixFixture("secrets");
  const person = await addPerson({ accountId: f.a.accountId, email: "secrets-viewer-2@example.com", password: "viewer-password-2", role: "viewer" });
  viewer = { id: person.id, session: await signInAs(person.id) };
});
afterAll(async () => {
  await stopQueue(getDatabase());
});

const lastAudit = async (action: string, targetId: string) =>
  (await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId))).orderBy(desc(auditEvents.createdAt)))[0];

describe("a viewer's source data", () => {
  it("carries no docs link on the source page or the flow's Sources tab; an editor's does", async () => {
    const seen = { accountId: f.a.accountId, role: "viewer" as const };
    const page = await getSourcePage(seen, f.a.sourceId);
    expect(page).toMatchObject({ id: f.a.sourceId, docsUrl: null });
    const tab = await listFlowSourcesPage(seen, f.a.flowId);
    expect(tab.map((s) => s.docsUrl)).toEqual([null]);
    for (const data of [page, tab]) {
      const text = JSON.stringify(data);
      expect(text).not.toContain(f.a.docsToken);
      expect(text).not.toMatch(/docsTokenNonce|apiKey|\/docs\//);
    }
    const editor = await getSourcePage({ accountId: f.a.accountId, role: "editor" }, f.a.sourceId);
    expect(editor!.docsUrl).toContain(`/docs/${f.a.docsToken}`);
  });

  it("gets no new API key or docs link from the rotate actions", async () => {
    actAs(viewer.session);
    const key = await sourceActions.rotateApiKeyAction({ status: "idle" }, formOf({ sourceId: f.a.sourceId }));
    expect(key).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
    const link = await sourceActions.rotateDocsLinkAction({ status: "idle" }, formOf({ sourceId: f.a.sourceId }));
    expect(link).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
  });
});

describe("who the audit log names", () => {
  it("names the source, with no person, when its API key cancels an import", async () => {
    const id = await stagedImport(f);
    expect((await callImport(id, "cancel", { auth: f.a.apiKey, body: {} })).status).toBe(202);
    expect(await lastAudit("import.cancelled", id)).toMatchObject({ accountId: f.a.accountId, actorId: null, actorEmail: "source:Other source", targetType: "import" });
  });

  it("names the source when its Submission Docs page cancels an import", async () => {
    const id = await stagedImport(f);
    expect(await wizard.cancelImportAction({ scope: { kind: "docs", token: f.a.docsToken }, id })).toEqual({ status: "ok" });
    expect(await lastAudit("import.cancelled", id)).toMatchObject({ actorId: null, actorEmail: "source:Other source" });
  });

  it("names the person who cancels through the import API", async () => {
    const id = await stagedImport(f);
    expect((await callImport(id, "cancel", { auth: f.sessions.editor.cookie, body: {} })).status).toBe(202);
    expect(await lastAudit("import.cancelled", id)).toMatchObject({ actorEmail: "secrets-editor@example.com" });
  });

  it("writes nothing when the change does not happen (a save over a newer version)", async () => {
    const flow = (await getFlowForAccount(f.a.accountId, f.a.flowId))!;
    const actor = { id: f.a.holderId, email: "secrets-owner@example.com" };
    const stale = await saveFlow({ accountId: f.a.accountId, actor, flowId: flow.id, expectedVersion: flow.version + 5, name: "Stale", config: flow.config });
    expect(stale.status).toBe("conflict");
    expect(await lastAudit("flow.saved", flow.id)).toBeUndefined();
  });
});

function formOf(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}
