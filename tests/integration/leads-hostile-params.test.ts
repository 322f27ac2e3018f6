// No query parameter may cause a 500 on /leads, /reports or their exports: NUL characters (which
// PostgreSQL text cannot hold), impossible dates, huge numbers, repeated and unknown parameters. Each
// page's query function and export either answers or says "not found"; none throws.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts } from "@/db/schema";
import { exportLeadsCsv } from "@/lib/leads/export";
import type { SearchParams } from "@/lib/leads/filters";
import { getLeadsView } from "@/lib/leads/view";
import { exportReportCsv } from "@/lib/reports/export";
import { getReport } from "@/lib/reports/report";
import { newId } from "@/lib/ids";
import { addFlow, person, submitLeads } from "../helpers/seed-leads";

const TZ = "America/Chicago";
let accountId: string;

beforeAll(async () => {
  accountId = newId();
  await getDb().insert(accounts).values({ id: accountId, name: "Hostile", timeZone: TZ });
  const { sources } = await addFlow({ accountId, name: "Mortgage", sources: ["Acme"] });
  await submitLeads(sources[0]!, [{ data: person({ first_name: "Ann", last_name: "Lee" }), submittedAt: new Date("2025-01-10T15:00:00Z") }]);
});

const NUL = "\u0000";
const HOSTILE: Array<[string, SearchParams]> = [
  ["q=%00", { q: NUL }],
  ["a NUL inside q", { q: `ann${NUL} lee` }],
  ["a NUL that looks like an email", { q: `a${NUL}@b.co` }],
  ["a NUL in a phone number", { q: `512 789${NUL}1111` }],
  ["repeated q", { q: ["a", "b"] }],
  ["a NUL reason", { reason: NUL }],
  ["NUL reasons in a list", { reason: [`dup${NUL}`, NUL] }],
  ["a NUL field value", { field: "email", value: `x${NUL}` }],
  ["a NUL field name", { field: `email${NUL}`, value: "x" }],
  ["a NUL parameter name", { [`q${NUL}`]: "x", [NUL]: NUL }],
  ["a NUL range", { range: NUL }],
  ["a NUL date", { range: "custom", from: `2025-01-01${NUL}` }],
  ["February 31st", { range: "custom", from: "2025-02-31", to: "2025-02-31" }],
  ["year 0000", { range: "custom", from: "0000-01-01", to: "0000-12-31" }],
  ["the last day of year 9999", { range: "custom", from: "9999-12-31", to: "9999-12-31" }],
  ["a huge number as a date", { range: "custom", from: "99999999999999999999", to: "1e309" }],
  ["a NUL cursor", { cursor: NUL }],
  ["a long cursor", { cursor: "A".repeat(10_000) }],
  ["a NUL id", { flow: NUL, source: `${"a".repeat(24)}${NUL}` }],
  ["a NUL outcome", { outcome: NUL }],
  ["a NUL batch flag", { batch: [NUL, "1"] }],
  ["a NUL group", { group: NUL }],
  ["repeated groups", { group: ["day", "flow"] }],
  ["a very long q", { q: "x".repeat(100_000) }],
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each(HOSTILE)("%s", (_, params) => {
  const searchParams = { range: "all", ...params };

  it("gives the Leads view and the report an answer or not-found, never an error", async () => {
    const view = await getLeadsView({ accountId, timeZone: TZ, searchParams });
    const report = await getReport({ accountId, timeZone: TZ, searchParams });
    expect(view === null || Array.isArray(view.leads)).toBe(true);
    expect(report === null || report.table.rows.length >= 0).toBe(true);
  });

  it("gives both exports a whole file or not-found, never a broken one", async () => {
    const stream = await exportLeadsCsv({ accountId, timeZone: TZ, searchParams });
    if (stream) expect((await readAll(stream)).startsWith("Lead ID,")).toBe(true); // Response.text() drops the BOM
    const csv = await exportReportCsv({ accountId, timeZone: TZ, searchParams });
    expect(csv === null || csv.length > 0).toBe(true);
  });
});

describe("a NUL in the search box", () => {
  it("is dropped: q=ann%00 finds what q=ann does", async () => {
    const plain = await getLeadsView({ accountId, timeZone: TZ, searchParams: { range: "all", q: "ann lee" } });
    const withNul = await getLeadsView({ accountId, timeZone: TZ, searchParams: { range: "all", q: `ann lee${NUL}` } });
    expect(plain!.leads).toHaveLength(1);
    expect(withNul!.leads.map((l) => l.id)).toEqual(plain!.leads.map((l) => l.id));
  });
});
