// The per-day rollup behind reports (lead_daily_counts): kept equal to the leads by the triggers on
// every insert path, and read by reports only where it answers exactly what the Leads view lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDatabase, getDb } from "@/db";
import { accounts, leadDailyCounts, leads } from "@/db/schema";
import { stopQueue } from "@/lib/imports/jobs/queue";
import { newId } from "@/lib/ids";
import { parseLeadParams, toLeadFilter, type LeadFilter, type SearchParams } from "@/lib/leads/filters";
import { listLeads } from "@/lib/leads/queries";
import { openSharedReport } from "@/lib/report-links/shared-report";
import { createReportLink } from "@/lib/report-links/service";
import { countFromLeads, countFromRollup, groupCounts } from "@/lib/reports/count-query";
import { countLeadsByGroup } from "@/lib/reports/queries";
import { getReport } from "@/lib/reports/report";
import { GROUP_BYS } from "@/lib/reports/report-params";
import { rollupDays } from "@/lib/reports/rollup";
import { createAccount } from "../helpers/accounts";
import { callImport, runJobToEnd, uploadFile } from "../helpers/imports";
import { callApi, form } from "../helpers/lead-api";
import { addFlow, importLeads, person, setTimeZone, submitLeads, type TestSource } from "../helpers/seed-leads";

const CHICAGO = "America/Chicago";
const KOLKATA = "Asia/Kolkata";
const at = (iso: string) => new Date(iso);
let chicagoId: string, kolkataId: string;
let acme: TestSource, best: TestSource, direct: TestSource, paused: TestSource, mumbai: TestSource;
let importId: string;
let api: Awaited<ReturnType<typeof createAccount>>;

afterAll(() => stopQueue(getDatabase()));

beforeAll(async () => {
  chicagoId = newId();
  kolkataId = newId();
  await getDb().insert(accounts).values([{ id: chicagoId, name: "Chicago buyer", timeZone: CHICAGO }, { id: kolkataId, name: "Kolkata buyer", timeZone: KOLKATA }]);
  [acme, best] = (await addFlow({ accountId: chicagoId, name: "Mortgage", sources: ["Acme", "Best"], timeZone: CHICAGO })).sources as [TestSource, TestSource];
  [direct] = (await addFlow({ accountId: chicagoId, name: "Auto", sources: ["Direct"], timeZone: CHICAGO })).sources as [TestSource];
  [paused] = (await addFlow({ accountId: chicagoId, name: "Closed", sources: ["Paused"], enabled: false, timeZone: CHICAGO })).sources as [TestSource];
  [mumbai] = (await addFlow({ accountId: kolkataId, name: "Loans", sources: ["Mumbai"], timeZone: KOLKATA })).sources as [TestSource];

  // Late evenings in Chicago (the next day in UTC) around the spring DST change, with several reasons.
  const repeat = person({ email: "again@example.com", phone_1: "5127890000" });
  await submitLeads(acme, [
    { data: person(), submittedAt: at("2025-03-08T05:30:00Z") },
    { data: repeat, submittedAt: at("2025-03-09T05:30:00Z") },
    { data: repeat, submittedAt: at("2025-03-09T06:30:00Z") },
    { data: person({ state: "ZZ" }), submittedAt: at("2025-03-10T04:30:00Z") },
    { data: person({ email: undefined, phone_1: undefined }), submittedAt: at("2025-03-10T05:30:00Z") },
  ]);
  // Over 50 leads in one batch: saved with COPY, not INSERT.
  const many = Array.from({ length: 60 }, (_, i) => ({
    data: person(i % 7 === 0 ? { state: "??" } : i % 5 === 0 ? { credit_rating: "Excellent" } : {}),
    submittedAt: new Date(at("2025-03-07T12:00:00Z").getTime() + i * 3_600_000),
  }));
  await submitLeads(best, many);
  await submitLeads(direct, [{ data: person(), submittedAt: at("2025-03-09T12:00:00Z") }]);
  await submitLeads(paused, [{ data: person(), submittedAt: at("2025-03-09T12:00:00Z") }]);
  ({ importId } = await importLeads(acme, { fileName: "march.csv", at: at("2025-03-09T04:00:00Z"), rows: [person(), person({ state: "??" }), person(), person({ email: undefined })] }));
  // Half an hour past midnight in Kolkata is the day before in UTC.
  await submitLeads(mumbai, [
    { data: person(), submittedAt: at("2025-03-09T18:45:00Z") },
    { data: person({ state: "ZZ" }), submittedAt: at("2025-03-09T18:35:00Z") },
  ]);
  api = await createAccount({ email: `rollup-${newId()}@example.com`, password: "rollup-password" });
}, 120_000);

// Where the rollup and a GROUP BY over the leads (days on the account's clock) differ: nothing, when exact.
async function rollupDiff(accountId: string) {
  const groups = sql.raw("account_id, day, flow_id, source_id, import_id, outcome, reason, is_batch_lead");
  const result = (await getDb().execute(sql`
    with from_leads as (
      select l.account_id, (l.submitted_at at time zone a.time_zone)::date as day, l.flow_id, l.source_id, l.import_id,
        l.outcome, l.reason, l.is_batch_lead, count(*)::numeric as n, sum(l.price) as cost
      from leads l join accounts a on a.id = l.account_id where l.account_id = ${accountId} group by 1, 2, 3, 4, 5, 6, 7, 8),
    from_rollup as (
      select ${groups}, sum(count)::numeric as n, sum(cost) as cost
      from lead_daily_counts where account_id = ${accountId} group by ${groups} having sum(count) <> 0)
    (select 'leads only' as side, * from from_leads except select 'leads only', * from from_rollup)
    union all (select 'rollup only', * from from_rollup except select 'rollup only', * from from_leads)`)) as unknown as { rows: unknown[] };
  return result.rows;
}

async function leadCount(accountId: string) {
  const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(leads).where(eq(leads.accountId, accountId));
  return row!.n;
}

const filterOf = (params: SearchParams, timeZone = CHICAGO) => toLeadFilter(parseLeadParams({ range: "all", ...params })!, timeZone);

async function listedCount(accountId: string, filter: LeadFilter) {
  return (await listLeads({ accountId, filter, after: null, limit: 10_000 })).length;
}

describe("the report rollup", () => {
  it("counts every lead once, on the day of the account's clock, whatever path saved it", async () => {
    expect(await leadCount(chicagoId)).toBe(71);
    expect(await rollupDiff(chicagoId)).toEqual([]);
    expect(await rollupDiff(kolkataId)).toEqual([]);
    const kolkataDays = await getDb().selectDistinct({ day: leadDailyCounts.day }).from(leadDailyCounts).where(eq(leadDailyCounts.accountId, kolkataId));
    expect(kolkataDays).toEqual([{ day: "2025-03-10" }]);
  });

  it("counts leads from the real-time API and from an import run by the import job", async () => {
    // The second is a duplicate of the first: both saved by the one-statement real-time path.
    for (let i = 0; i < 2; i++) expect((await callApi(api, form({ email: "rt@example.com", phone_1: "5125550199", state: "TX" }))).status).toBe(201);
    const rows = Array.from({ length: 120 }, (_, i) => `P${i},p${i}@example.com,512555${String(1000 + i)},${i % 10 === 0 ? "ZZ" : "TX"}`);
    const upload = await uploadFile(api, ["First Name,Email,Phone,State", ...rows].join("\n"));
    const { id } = (await upload.json()) as { id: string };
    const mapping = (await (await callImport(id, "mapping", { auth: api.apiKey })).json()) as { columns: Array<{ column: number; fieldId: string | null }> };
    await callImport(id, "mapping", { method: "PUT", auth: api.apiKey, body: { mapping: mapping.columns.map(({ column, fieldId }) => ({ column, fieldId })) } });
    await callImport(id, "validate", { auth: api.apiKey, body: {} });
    expect(await runJobToEnd(id)).toBe("done");
    expect((await callImport(id, "confirm", { auth: api.apiKey, body: { mode: "all" } })).status).toBe(202);
    expect(await runJobToEnd(id)).toBe("done");

    expect(await leadCount(api.accountId)).toBe(122);
    expect(await rollupDiff(api.accountId)).toEqual([]);
    const report = await getReport({ accountId: api.accountId, timeZone: "America/Chicago", searchParams: { range: "today", group: "import" } });
    expect(report!.table.rows.map((r) => [r.key, r.submitted, r.failure])).toEqual([[id, 120, 12], ["", 2, 1]]);
  });

  it("answers every grouping of whole days exactly as counting the leads does", async () => {
    const cases: SearchParams[] = [
      {},
      { range: "custom", from: "2025-03-08", to: "2025-03-09" },
      { range: "custom", from: "2025-03-09" },
      { range: "custom", to: "2025-03-09" },
      { flow: [acme.ctx.flow.id, direct.ctx.flow.id], outcome: ["failure", "error"] },
      { source: best.id, reason: ["State must be a valid US state or Canadian province", "Duplicate"] },
      { import: importId, batch: "1" },
      { batch: "1", outcome: "success" },
    ];
    for (const params of cases) {
      const filter = filterOf(params);
      const days = rollupDays(filter, CHICAGO);
      expect(days, JSON.stringify(params)).not.toBeNull();
      for (const groupBy of GROUP_BYS) {
        const options = { accountId: chicagoId, filter, groupBy, timeZone: CHICAGO };
        const fromLeads = groupCounts(await countFromLeads(getDb(), options));
        expect(groupCounts(await countFromRollup(getDb(), { ...options, days: days! })), `${JSON.stringify(params)} by ${groupBy}`).toEqual(fromLeads);
      }
      expect((await countLeadsByGroup({ accountId: chicagoId, filter, groupBy: "flow", timeZone: CHICAGO })).reduce((n, g) => n + g.submitted, 0)).toBe(await listedCount(chicagoId, filter));
    }
  });

  it("is what reports, shared reports and partner reports read", async () => {
    // A row no lead backs: seen only by a report that reads the rollup.
    const probe = { accountId: chicagoId, day: "2025-03-01", flowId: acme.ctx.flow.id, sourceId: acme.id, outcome: "success" as const, isBatchLead: false, count: 1000, cost: "0" };
    const [{ id }] = (await getDb().insert(leadDailyCounts).values(probe).returning({ id: leadDailyCounts.id })) as [{ id: number }];
    try {
      const real = await listedCount(chicagoId, filterOf({ source: acme.id }));
      const report = await getReport({ accountId: chicagoId, timeZone: CHICAGO, searchParams: { range: "all", group: "source" } });
      expect(report!.table.rows.find((r) => r.key === acme.id)!.submitted).toBe(real + 1000);
      const byField = await getReport({ accountId: chicagoId, timeZone: CHICAGO, searchParams: { range: "all", group: "source", field: "state", value: "tx" } });
      expect(byField!.table.rows.find((r) => r.key === acme.id)!.submitted).toBeLessThan(real);
      for (const scope of [{ kind: "report", sourceIds: [acme.id] }, { kind: "partner", sourceId: acme.id }]) {
        const link = await createReportLink({ accountId: chicagoId, name: "probe", scope, actor: { id: null, email: "rollup@example.com" } });
        if (link.status !== "ok") throw new Error(link.message);
        const shared = await openSharedReport(link.url.split("/r/")[1]!, { range: "all" });
        expect(shared!.table.totals.submitted, scope.kind).toBe(real + 1000);
      }
    } finally {
      await getDb().delete(leadDailyCounts).where(eq(leadDailyCounts.id, id));
    }
  });

  it("leaves field values, searches and frames that are not whole days to the leads, which agree", async () => {
    const notWholeDays = { ...filterOf({}), bounds: { from: at("2025-03-09T10:00:00Z"), to: at("2025-03-10T10:00:00Z") } };
    const cases: LeadFilter[] = [filterOf({ field: "state", value: "tx" }), filterOf({ q: "again@example.com" }), notWholeDays];
    for (const filter of cases) {
      expect(rollupDays(filter, CHICAGO)).toBeNull();
      const counts = await countLeadsByGroup({ accountId: chicagoId, filter, groupBy: "outcome", timeZone: CHICAGO });
      expect(counts.reduce((n, g) => n + g.submitted, 0)).toBe(await listedCount(chicagoId, filter));
    }
    // The same whole days in another zone are not whole days here.
    expect(rollupDays(filterOf({ range: "custom", from: "2025-03-09", to: "2025-03-09" }, KOLKATA), CHICAGO)).toBeNull();
  });

  it("moves every lead to its new day when the account's time zone changes", async () => {
    await setTimeZone(kolkataId, "UTC");
    expect(await rollupDiff(kolkataId)).toEqual([]);
    const report = await getReport({ accountId: kolkataId, timeZone: "UTC", searchParams: { range: "all", group: "day" } });
    expect(report!.table.rows.map((r) => [r.key, r.submitted])).toEqual([["2025-03-09", 2]]);
    await setTimeZone(kolkataId, KOLKATA);
    expect(await rollupDiff(kolkataId)).toEqual([]);
  });

  it("follows leads that are changed or deleted", async () => {
    const [lead] = await getDb().select({ id: leads.id }).from(leads).where(and(eq(leads.accountId, kolkataId), eq(leads.outcome, "success")));
    await getDb().update(leads).set({ outcome: "error", reason: "Recipient timed out", price: 0 }).where(eq(leads.id, lead!.id));
    expect(await rollupDiff(kolkataId)).toEqual([]);
    await getDb().delete(leads).where(eq(leads.id, lead!.id));
    expect(await rollupDiff(kolkataId)).toEqual([]);
    const report = await getReport({ accountId: kolkataId, timeZone: KOLKATA, searchParams: { range: "all", group: "outcome" } });
    expect(report!.table.rows.map((r) => [r.key, r.submitted])).toEqual([["failure", 1]]);
  });

  it("keeps exact counts while many connections add leads of one group at once, none waiting", async () => {
    const before = await leadCount(chicagoId);
    const submittedAt = at("2025-03-12T15:00:00Z");
    await Promise.all(Array.from({ length: 40 }, () => submitLeads(direct, [{ data: person(), submittedAt }])));
    expect(await leadCount(chicagoId)).toBe(before + 40);
    expect(await rollupDiff(chicagoId)).toEqual([]);
    const rows = await getDb().select({ count: leadDailyCounts.count }).from(leadDailyCounts).where(and(eq(leadDailyCounts.sourceId, direct.id), eq(leadDailyCounts.day, "2025-03-12")));
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(40);
    expect(rows.length).toBeLessThanOrEqual(10); // at most one row per pooled connection writing at once
  });

  it("keeps a reason too long for an index entry", async () => {
    const reason = Array.from({ length: 400 }, () => newId()).join(" ");
    const [lead] = await getDb().select().from(leads).where(eq(leads.accountId, chicagoId)).limit(1);
    await getDb().insert(leads).values({ ...lead!, id: newId(), importId: null, importLine: null, reason });
    expect(await rollupDiff(chicagoId)).toEqual([]);
    const report = await getReport({ accountId: chicagoId, timeZone: CHICAGO, searchParams: { range: "all", group: "reason" } });
    expect(report!.table.rows.find((r) => r.key === reason)?.submitted).toBe(1);
  });
});
