// The Leads view's search box (#14): a lead is found by its first name, last name or both in either
// order, whatever the case and accents, and still by id, email, phone and reference. Leads are saved
// both ways the flow saves them: one INSERT (real time) and COPY (an import of more than 50 rows).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts } from "@/db/schema";
import { parseLeadParams, toLeadFilter } from "@/lib/leads/filters";
import { listLeads } from "@/lib/leads/queries";
import { newId } from "@/lib/ids";
import { addFlow, importLeads, person, submitLeads } from "../helpers/seed-leads";

const TZ = "America/Chicago";
let accountId: string;
let otherAccountId: string;
let elizabethId: string;
let joseId: string;
let theirId: string;

beforeAll(async () => {
  accountId = newId();
  otherAccountId = newId();
  await getDb().insert(accounts).values([
    { id: accountId, name: "Searcher", timeZone: TZ },
    { id: otherAccountId, name: "Other", timeZone: TZ },
  ]);
  const { sources } = await addFlow({ accountId, name: "Mortgage", sources: ["Acme"] });
  const [elizabeth] = await submitLeads(sources[0]!, [
    { data: person({ first_name: "Elizabeth", last_name: " Thomas ", email: "Liz.T@Example.com", phone_1: "(512) 555-0100", reference: "Order 77" }), submittedAt: new Date("2025-01-15T20:00:00Z") },
  ]);
  elizabethId = elizabeth!.id;
  // 60 rows: saved by COPY. The Hernández row sits in the middle.
  const rows = Array.from({ length: 60 }, () => person());
  rows[30] = person({ first_name: "José", last_name: "Hernández", phone_1: "512-555-0199" });
  const { importId } = await importLeads(sources[0]!, { fileName: "many.csv", at: new Date("2025-01-16T10:00:00Z"), rows });
  const imported = await listLeads({ accountId, filter: toLeadFilter(parseLeadParams({ range: "all", import: importId })!, TZ), after: null, limit: 100 });
  expect(imported).toHaveLength(60);
  joseId = imported.find((l) => l.importLine === 32)!.id;
  // Another account's Elizabeth Thomas is never found.
  const theirs = await addFlow({ accountId: otherAccountId, name: "Theirs", sources: ["Their source"] });
  const [their] = await submitLeads(theirs.sources[0]!, [{ data: person({ first_name: "Elizabeth", last_name: "Thomas" }), submittedAt: new Date("2025-01-15T21:00:00Z") }]);
  theirId = their!.id;
});

async function search(q: string): Promise<string[]> {
  const filter = toLeadFilter(parseLeadParams({ range: "all", q })!, TZ);
  return (await listLeads({ accountId, filter, after: null, limit: 100 })).map((l) => l.id);
}

describe("search by name", () => {
  it.each(["Thomas", "elizabeth", "Elizabeth Thomas", "THOMAS elizabeth", "  elizabeth   thomas "])("finds Elizabeth Thomas by %j", async (q) => {
    expect(await search(q)).toEqual([elizabethId]);
  });

  it.each(["Hernández", "hernandez", "HERNANDEZ", "jose hernandez", "Hernández José"])("finds José Hernández (imported by COPY) by %j", async (q) => {
    expect(await search(q)).toEqual([joseId]);
  });

  it("needs every word: a name the lead does not have finds nothing", async () => {
    expect(await search("Elizabeth Hernández")).toEqual([]);
    expect(await search("Eliza")).toEqual([]);
  });
});

describe("search by id, email, phone and reference, as before", () => {
  it("finds a lead by its id, its email in any case and its phone in any format", async () => {
    for (const q of [elizabethId, "LIZ.T@example.com", "512-555-0100", "+1 (512) 555 0100"]) expect({ q, found: await search(q) }).toEqual({ q, found: [elizabethId] });
    expect(await search("(512) 555-0199")).toEqual([joseId]);
  });

  it("never finds another account's lead by its id", async () => {
    expect(await search(theirId)).toEqual([]);
  });

  it("finds a lead by its reference, whole", async () => {
    expect(await search("order 77")).toEqual([elizabethId]);
    expect(await search("ORDER  77")).toEqual([elizabethId]);
  });

  it("does not take a name word for an email or a reference", async () => {
    expect(await search("thomas@example.com")).toEqual([]);
    expect(await search("77")).toEqual([]);
  });
});
