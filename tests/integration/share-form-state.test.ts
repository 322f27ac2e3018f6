// The share form's Server Action as the form reads it: a refused link sends back everything the person
// typed (name, kind, partner source, contacts box), so the form shows it again instead of resetting to
// "partner" and an empty name.
import { actAs, signInAs, type SignedIn } from "../helpers/as-person";
import { beforeAll, describe, expect, it } from "vitest";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { createReportLinkAction } from "@/app/(account)/reports/actions";
import { addFlow, type TestSource } from "../helpers/seed-leads";
import { teamAccount } from "../helpers/people";

let editor: SignedIn;
let viewer: SignedIn;
let ours: { flowId: string; source: TestSource };
let theirs: TestSource;

beforeAll(async () => {
  const team = await teamAccount("share-state");
  const other = await teamAccount("share-state-other");
  const flow = await addFlow({ accountId: team.accountId, name: "Mortgage", sources: ["Acme"] });
  ours = { flowId: flow.flowId, source: flow.sources[0]! };
  theirs = (await addFlow({ accountId: other.accountId, name: "Theirs", sources: ["Their source"] })).sources[0]!;
  editor = await signInAs(team.editor.id);
  viewer = await signInAs(team.viewer.id);
});

const form = (fields: Array<[string, string]>) => {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
};
const idle = { status: "idle" } as const;

describe("sharing a report: the state the form reads back", () => {
  it("a report link with no flow or source is refused, and keeps the name and the 'report' choice", async () => {
    actAs(editor);
    const state = await createReportLinkAction(idle, form([["name", "Acme, January"], ["kind", "report"], ["group", "reason"]]));
    expect(state.status).toBe("invalid");
    expect(state).toMatchObject({ values: { name: "Acme, January", kind: "report", partnerSource: "", showContacts: false } });
    expect((state as { message: string }).message).not.toBe("");
  });

  it("a partner link for another account's source is refused, and keeps the source and the contacts box", async () => {
    actAs(editor);
    const sent = form([["name", "  Für Best  "], ["kind", "partner"], ["partnerSource", theirs.id], ["showContacts", "on"], ["group", "reason"]]);
    const state = await createReportLinkAction(idle, sent);
    expect(state).toEqual({
      status: "invalid",
      message: "This report names a flow or source that is not yours",
      values: { name: "  Für Best  ", kind: "partner", partnerSource: theirs.id, showContacts: true },
    });
  });

  it("a link that is created answers with its URL only (the form may start afresh)", async () => {
    actAs(editor);
    const state = await createReportLinkAction(idle, form([["name", "Acme"], ["kind", "report"], ["flow", ours.flowId], ["group", "reason"]]));
    expect(state.status).toBe("ok");
    expect(state).not.toHaveProperty("values");
    expect((state as { url: string }).url).toMatch(/\/r\//);
  });

  it("a partner link for our own source is created", async () => {
    actAs(editor);
    const state = await createReportLinkAction(idle, form([["name", "Acme partner"], ["kind", "partner"], ["partnerSource", ours.source.id], ["group", "reason"]]));
    expect(state.status).toBe("ok");
  });

  it("a viewer gets the plain forbidden state, with nothing echoed", async () => {
    actAs(viewer);
    expect(await createReportLinkAction(idle, form([["name", "Mine"], ["kind", "report"], ["flow", ours.flowId]]))).toEqual({ status: "error", message: FORBIDDEN_MESSAGE });
  });
});
