// Names as the source sent them, in the Leads list and a lead's header; the lead page's fields by label
// in the flow's order, then extra fields; and its timeline of steps with when each ran.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts } from "@/db/schema";
import { contactLine } from "@/lib/leads/format";
import { getLeadDetail } from "@/lib/leads/lead-detail";
import { getLeadsView } from "@/lib/leads/view";
import { newId } from "@/lib/ids";
import { addFlow, person, submitLeads } from "../helpers/seed-leads";

const TZ = "America/Chicago";
let accountId: string;
let elizabethId: string;
let unnamedId: string;

beforeAll(async () => {
  accountId = newId();
  await getDb().insert(accounts).values({ id: accountId, name: "Names", timeZone: TZ });
  const { sources } = await addFlow({ accountId, name: "Mortgage", sources: ["Acme"] });
  // Keys in a scrambled order, with fields the flow does not define (phone_2, ip_address, a custom one).
  const data = {
    ip_address: "203.0.113.9",
    zz_note: "call after 5",
    phone_2: "512-555-0101",
    email: "Elizabeth.Thomas@Example.com",
    last_name: "  Hernández ",
    phone_1: "(512) 555-0100",
    first_name: "Elizabeth",
  };
  const [elizabeth, unnamed] = await submitLeads(sources[0]!, [
    { data, submittedAt: new Date("2025-01-15T20:02:00Z") },
    { data: person({ first_name: undefined, last_name: undefined, email: "nobody@example.com" }), submittedAt: new Date("2025-01-15T19:00:00Z") },
  ]);
  elizabethId = elizabeth!.id;
  unnamedId = unnamed!.id;
});

describe("names as the source sent them", () => {
  it("the Leads list shows the name with its capitals and accents, not the lowercase search key", async () => {
    const view = await getLeadsView({ accountId, timeZone: TZ, searchParams: { range: "all" } });
    const row = view!.leads.find((l) => l.id === elizabethId)!;
    expect(row.name).toBe("elizabeth hernández");
    expect(row.displayName).toBe("Elizabeth Hernández");
    expect(contactLine(row)).toBe("Elizabeth Hernández · elizabeth.thomas@example.com · 5125550100");
    expect(view!.leads.find((l) => l.id === unnamedId)!.displayName).toBeNull();
  });

  it("the lead's header reads the same name", async () => {
    const detail = await getLeadDetail(accountId, elizabethId);
    expect(contactLine(detail!.lead)).toMatch(/^Elizabeth Hernández · /);
  });
});

describe("the lead page's query", () => {
  it("lists fields by label in the flow's order, then the fields the flow does not define (standard ones first)", async () => {
    const detail = await getLeadDetail(accountId, elizabethId);
    expect(detail!.fields.map((f) => [f.id, f.label])).toEqual([
      ["first_name", "First Name"],
      ["last_name", "Last Name"],
      ["email", "Email"],
      ["phone_1", "Phone 1"],
      ["phone_2", "Phone 2"],
      ["ip_address", "IP Address"],
      ["zz_note", "zz_note"],
    ]);
    expect(detail!.fields.find((f) => f.id === "last_name")).toMatchObject({ submitted: "  Hernández ", normal: "Hernández" });
  });

  it("has a timeline: each step in order with its outcome, reason and when it ran", async () => {
    const detail = await getLeadDetail(accountId, elizabethId);
    const events = detail!.events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i));
    for (const e of events) {
      expect(typeof e.step).toBe("string");
      expect(["success", "failure", "error", "skip", "continue"]).toContain(e.outcome);
      expect(e.ranAt).toBeInstanceOf(Date);
      expect(Number.isNaN(e.ranAt.getTime())).toBe(false);
    }
    expect(events.at(-1)!.outcome).toBe(detail!.lead.outcome);
    expect(events.at(-1)!.reason).toBe(detail!.lead.reason);
  });
});
