// A lead page never renders more than it can show: at most 200 fields, values cut at 200 characters;
// the whole lead downloads as JSON from /leads/{id}/lead.json, for this account's people only.
import { actAs, signInAs, type SignedIn } from "../helpers/as-person";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as downloadLead } from "@/app/(account)/leads/[leadId]/lead.json/route";
import { getLeadDetail } from "@/lib/leads/lead-detail";
import { MAX_SHOWN_FIELDS } from "@/lib/leads/lead-fields";
import { newId } from "@/lib/ids";
import { createAccount, addPerson } from "../helpers/accounts";
import { addFlow, person, submitLeads } from "../helpers/seed-leads";

let mine: Awaited<ReturnType<typeof createAccount>>;
let owner: SignedIn;
let viewer: SignedIn;
let stranger: SignedIn;
let bigLeadId: string;
const longValue = "é".repeat(5000);

beforeAll(async () => {
  mine = await createAccount({ email: `mine-${newId()}@example.com`, password: "mine-password-1" });
  const theirs = await createAccount({ email: `theirs-${newId()}@example.com`, password: "theirs-password-1" });
  const { sources } = await addFlow({ accountId: mine.accountId, name: "Big", sources: ["Old API"] });
  // Stored straight through the flow module, as leads were before the API's field limits.
  const extra = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`extra_${String(i).padStart(3, "0")}`, `value ${i}`]));
  const [lead] = await submitLeads(sources[0]!, [{ data: { ...person({ comments: longValue }), ...extra } }]);
  bigLeadId = lead!.id;
  owner = await signInAs(mine.holderId);
  const { id: viewerId } = await addPerson({ accountId: mine.accountId, email: `viewer-${newId()}@example.com`, password: "viewer-password-1", role: "viewer" });
  viewer = await signInAs(viewerId);
  stranger = await signInAs(theirs.holderId);
});

const download = (leadId: string) => downloadLead(new NextRequest(`http://localhost:3000/leads/${leadId}/lead.json`), { params: Promise.resolve({ leadId }) });

describe("the lead page", () => {
  it("shows at most 200 fields, says how many there are, and cuts long values", async () => {
    const detail = await getLeadDetail(mine.accountId, bigLeadId);
    expect(detail!.fields).toHaveLength(MAX_SHOWN_FIELDS);
    expect(detail!.totalFields).toBeGreaterThan(700);
    expect(detail!.hiddenFields).toBe(detail!.totalFields - MAX_SHOWN_FIELDS);
    const comments = detail!.fields.find((f) => f.id === "comments");
    expect(comments).toMatchObject({ submitted: `${"é".repeat(200)}…`, truncated: true });
    expect(JSON.stringify(detail).length).toBeLessThan(200_000);
  });
});

describe("GET /leads/{id}/lead.json", () => {
  it("downloads the whole lead, every field uncut, as an attachment", async () => {
    actAs(owner);
    const res = await download(bigLeadId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="lead-${bigLeadId}.json"`);
    const lead = await res.json();
    expect(lead).toMatchObject({ id: bigLeadId, flow: { name: "Big" }, source: { name: "Old API" } });
    expect(lead.submitted.comments).toBe(longValue);
    expect(lead.submitted.extra_699).toBe("value 699");
    expect(Object.keys(lead.normalized).length).toBeGreaterThan(700);
  });

  it("lets every role with read download it", async () => {
    actAs(viewer);
    expect((await download(bigLeadId)).status).toBe(200);
  });

  it("answers 404 for another account's lead or an id that is no id, and sends the signed-out to log in", async () => {
    actAs(stranger);
    expect((await download(bigLeadId)).status).toBe(404);
    actAs(owner);
    expect((await download("not-an-id")).status).toBe(404);
    expect((await download(newId())).status).toBe(404);
    actAs(null);
    const res = await download(bigLeadId);
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/\/login$/);
  });
});
