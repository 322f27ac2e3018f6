// leads by month (drizzle/0018_leads_partitioned.sql): partitions made ahead, months dropped whole by
// LEAD_RETENTION_DAYS with the report totals kept, exactly one lead per import line, and what the
// pages answer for a lead that is gone.
import { actAs, nextNavigation, signInAs } from "../helpers/as-person";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import LeadPage from "@/app/(account)/leads/[leadId]/page";
import { GET as downloadLead } from "@/app/(account)/leads/[leadId]/lead.json/route";
import { getDatabase, getDb } from "@/db";
import { imports } from "@/db/schema";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { readResults, LEAD_GONE_REASON } from "@/lib/imports/report/report";
import { getLeadDetail } from "@/lib/leads/lead-detail";
import { dropExpiredLeadMonths, ensureLeadPartitions, listLeadPartitions } from "@/lib/maintenance/lead-partitions";
import { createAccount } from "../helpers/accounts";
import { addFlow, person, setTimeZone, submitLeads, type TestSource } from "../helpers/seed-leads";

type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: Row[] }).rows;
const totals = () =>
  rows(sql`select day::text, flow_id, source_id, import_id, outcome::text, reason, is_batch_lead, sum(count)::int as n, sum(cost)::float8 as cost
    from lead_daily_counts group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`);
const partitionOf = async (id: string) => (await rows(sql`select tableoid::regclass::text as part from leads where id = ${id}`))[0]?.part ?? null;

let account: Awaited<ReturnType<typeof createAccount>>;
let source: TestSource;

/** A lead submitted at `at`, with an id made at that time, as the API would have made it. */
async function leadAt(at: string, extra: { importId?: string; importLine?: number } = {}) {
  const [lead] = await submitLeads(source, [{ id: newId(new Date(at).getTime()), data: person(), submittedAt: new Date(at), ...extra }]);
  return lead!;
}

beforeAll(async () => {
  account = await createAccount({ email: `partitions-${newId()}@example.com`, password: "partitions-password-1" });
  source = (await addFlow({ accountId: account.accountId, name: "Monthly", sources: ["API"] })).sources[0]!;
});

describe("lead partitions", () => {
  it("makes this and next month's partitions ahead, and moves leads the default partition caught into their month, report totals untouched", async () => {
    const stray = await leadAt("2019-06-15T12:00:00Z");
    expect(await partitionOf(stray.id)).toBe("leads_default");
    const before = await totals();

    const created = await ensureLeadPartitions(getDb(), new Date("2031-01-20T10:00:00Z"));

    expect(created.sort()).toEqual(["leads_2019_06", "leads_2031_01", "leads_2031_02"]);
    expect(await partitionOf(stray.id)).toBe("leads_2019_06");
    expect(await totals()).toEqual(before);
    expect(await rows(sql`select count(*)::int as n from leads_default`)).toEqual([{ n: 0 }]);
    // Twice is harmless; a lead of the new month lands in it.
    expect(await ensureLeadPartitions(getDb(), new Date("2031-01-20T10:00:00Z"))).toEqual([]);
    expect(await partitionOf((await leadAt("2031-02-28T23:59:59Z")).id)).toBe("leads_2031_02");
  });

  it("gives every month's search index fastupdate off, months made later included (a full GIN pending list stalled real-time inserts)", async () => {
    await ensureLeadPartitions(getDb(), new Date("2032-05-10T10:00:00Z"));
    const searchIndexes = await rows(sql`select c.relname as name, c.reloptions::text as options from pg_index i
      join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
      where am.amname = 'gin' and i.indrelid in (select 'leads'::regclass union select inhrelid from pg_inherits where inhparent = 'leads'::regclass)`);
    const names = searchIndexes.map((r) => r.name as string);
    expect(names).toContain("leads_search_keys_idx");
    expect(names.some((n) => n.startsWith("leads_2032_05"))).toBe(true);
    expect(names.some((n) => n.startsWith("leads_default"))).toBe(true);
    for (const index of searchIndexes) expect(index, String(index.name)).toMatchObject({ options: "{fastupdate=false}" });
  });

  it("keeps exactly one lead per import line, on the INSERT and the COPY path alike", async () => {
    const importId = newId();
    await getDb().insert(imports).values({ id: importId, accountId: account.accountId, flowId: source.ctx.flow.id, sourceId: source.id, status: "importing", settings: {} });
    const batch = (lines: number[]) => lines.map((importLine) => ({ data: person(), importId, importLine, isBatchLead: true }));
    await submitLeads(source, batch([2, 3]));
    const sixty = Array.from({ length: 60 }, (_, i) => i + 4);
    await submitLeads(source, batch(sixty));
    // A second lead for line 3, alone (one INSERT) or among 59 new lines (COPY): the statement fails whole.
    await expect(submitLeads(source, batch([3]))).rejects.toMatchObject({ code: "23505", constraint: "import_lines_import_id_line_pk" });
    await expect(submitLeads(source, batch([...Array.from({ length: 59 }, (_, i) => i + 100), 3]))).rejects.toMatchObject({ code: "23505" });
    expect(await rows(sql`select count(*)::int as n, count(distinct import_line)::int as lines from leads where import_id = ${importId}`)).toEqual([{ n: 62, lines: 62 }]);
    expect(await rows(sql`select count(*)::int as n from import_lines il join leads l on l.id = il.lead_id and l.submitted_at = il.submitted_at
      and l.import_id = il.import_id and l.import_line = il.line where il.import_id = ${importId}`)).toEqual([{ n: 62 }]);
  });

  it("drops whole months past LEAD_RETENTION_DAYS, never part of one, keeps report totals, and a dropped lead is a 404 that says it is no longer kept", async () => {
    const january = await leadAt("2020-01-31T23:59:59Z");
    const importId = newId();
    await getDb().insert(imports).values({ id: importId, accountId: account.accountId, flowId: source.ctx.flow.id, sourceId: source.id, status: "importing", settings: {} });
    const february = await leadAt("2020-02-15T08:00:00Z", { importId, importLine: 2 });
    const march = await leadAt("2020-03-01T00:00:00Z", { importId, importLine: 3 });
    await getDb().update(imports).set({ status: "completed", rows: 2, processedRows: 2, lastLine: 3, lastLeadId: march.id }).where(eq(imports.id, importId));
    await getDb().execute(sql`insert into import_rows (import_id, line, fields) values (${importId}, 2, '["a"]'), (${importId}, 3, '["b"]')`);
    await ensureLeadPartitions(getDb(), new Date("2020-03-10T00:00:00Z"));
    expect([await partitionOf(january.id), await partitionOf(february.id), await partitionOf(march.id)]).toEqual(["leads_2020_01", "leads_2020_02", "leads_2020_03"]);
    const before = await totals();
    const countedBefore = await rows(sql`select sum(count)::int as n from lead_daily_counts where account_id = ${account.accountId}`);

    // 60 days before 2020-05-15 is 2020-03-16: January and February ended before it, March did not.
    const dropped = await dropExpiredLeadMonths(getDb(), 60, new Date("2020-05-15T12:00:00Z"));

    expect(dropped.map((d) => d.partition)).toEqual(expect.arrayContaining(["leads_2020_01", "leads_2020_02"]));
    expect(dropped.map((d) => d.partition).every((p) => p < "leads_2020_03")).toBe(true);
    const left = (await listLeadPartitions(getDb())).map((p) => p.name);
    expect(left).toContain("leads_2020_03");
    expect(left).not.toContain("leads_2020_02");
    expect(await rows(sql`select id from leads where id in (${january.id}, ${february.id}, ${march.id})`)).toEqual([{ id: march.id }]);
    // Neither DETACH nor DROP runs the rollup's DELETE or TRUNCATE triggers: the totals stay.
    expect(await totals()).toEqual(before);
    expect(await rows(sql`select sum(count)::int as n from lead_daily_counts where account_id = ${account.accountId}`)).toEqual(countedBefore);
    expect(await dropExpiredLeadMonths(getDb(), 60, new Date("2020-05-15T12:00:00Z"))).toEqual([]);

    // A time zone change recounts the days still kept, and leaves the dropped months' totals.
    const mine = sql`from lead_daily_counts where account_id = ${account.accountId}`;
    const droppedDays = await rows(sql`select day::text, sum(count)::int as n ${mine} and day < '2020-02-20' group by 1 order by 1`);
    expect(droppedDays.map((r) => r.n)).toEqual([1, 1, 1]); // 2019-06 (the first test), January, February
    await setTimeZone(account.accountId, "Asia/Tokyo");
    expect(await rows(sql`select day::text, sum(count)::int as n ${mine} and day < '2020-02-20' group by 1 order by 1`)).toEqual(droppedDays);
    expect(await rows(sql`select sum(count)::int as n ${mine}`)).toEqual(countedBefore);
    expect(await rows(sql`select sum(count)::int as n ${mine} and day = '2020-03-01'`)).toEqual([{ n: 1 }]);

    // The import's page: line 2's lead is gone and says so; line 3's is there.
    const [imp] = await getDb().select().from(imports).where(eq(imports.id, importId));
    const results = await readResults(getDatabase(), imp!, { after: 0, limit: 10 });
    expect(results.map((r) => [r.line, r.outcome, r.leadId, r.reason])).toEqual([
      [2, "", february.id, LEAD_GONE_REASON],
      [3, march.outcome, march.id, march.reason ?? ""],
    ]);

    // The lead page and its JSON: 404, never a 500.
    expect(await getLeadDetail(account.accountId, february.id)).toBeNull();
    expect(await getLeadDetail(account.accountId, march.id)).not.toBeNull();
    const owner = await signInAs(account.holderId);
    actAs(owner);
    const navigation = await LeadPage({ params: Promise.resolve({ leadId: february.id }) }).then(
      () => "rendered",
      (e: unknown) => nextNavigation(e),
    );
    expect(navigation).toBe("not-found");
    const kept = env.LEAD_RETENTION_DAYS;
    (env as { LEAD_RETENTION_DAYS?: number }).LEAD_RETENTION_DAYS = 90;
    try {
      const res = await downloadLead(new NextRequest(`http://localhost:3000/leads/${february.id}/lead.json`), { params: Promise.resolve({ leadId: february.id }) });
      expect(res.status).toBe(404);
      expect((await res.json()).message).toMatch(/^This lead is no longer kept: leads are kept 90 days/);
    } finally {
      (env as { LEAD_RETENTION_DAYS?: number }).LEAD_RETENTION_DAYS = kept;
    }
  });
});
