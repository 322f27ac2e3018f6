// Pings in reports: counted apart from leads (ping_daily_counts), shown beside the unchanged lead
// counts on the report and in its CSV, only for filters a ping can answer.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, flows } from "@/db/schema";
import { exportReportCsv } from "@/lib/reports/export";
import { getReport } from "@/lib/reports/report";
import { callApi, form, seedDemoFlow } from "../helpers/lead-api";

let demo: Awaited<ReturnType<typeof seedDemoFlow>>;
let accountId: string;
let TZ: string; // the account's: reports and ping days are on its clock

beforeAll(async () => {
  demo = await seedDemoFlow();
  const [flow] = await getDb().select({ accountId: flows.accountId }).from(flows).where(eq(flows.id, demo.flowId));
  accountId = flow!.accountId;
  const [account] = await getDb().select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  TZ = account!.timeZone;
  const ids = { flowId: demo.flowId, sourceId: demo.sourceId };
  await callApi(ids, { ...form({ email: "ping1@example.com", state: "TX" }), route: "ping" });
  await callApi(ids, { ...form({ email: "ping2@example.com", state: "TX" }), route: "ping" });
  await callApi(ids, { ...form({ first_name: "no contact", state: "TX" }), route: "ping" });
  await callApi({ ...ids, sourceId: demo.otherSourceId }, { ...form({ email: "ping3@example.com", state: "TX" }), route: "ping" });
  await callApi(ids, form({ email: "lead@example.com", state: "TX" }));
});

describe("report pings", () => {
  it("counts today's pings by outcome apart from the leads, whose counts are unchanged", async () => {
    const report = await getReport({ accountId, timeZone: TZ, searchParams: { range: "today", group: "source" } });
    expect(report!.table.pings).toEqual({ total: 4, success: 3, failure: 1, error: 0 });
    expect(report!.table.totals).toMatchObject({ submitted: 1, success: 1 });
  });

  it("applies the flow, source and outcome filters to pings", async () => {
    const bySource = await getReport({ accountId, timeZone: TZ, searchParams: { range: "today", source: demo.otherSourceId } });
    expect(bySource!.table.pings).toEqual({ total: 1, success: 1, failure: 0, error: 0 });
    const failures = await getReport({ accountId, timeZone: TZ, searchParams: { range: "today", outcome: "failure" } });
    expect(failures!.table.pings).toEqual({ total: 1, success: 0, failure: 1, error: 0 });
    const yesterday = await getReport({ accountId, timeZone: TZ, searchParams: { range: "yesterday" } });
    expect(yesterday!.table.pings).toEqual({ total: 0, success: 0, failure: 0, error: 0 });
  });

  it("shows no pings for a filter pings cannot answer (batch leads only)", async () => {
    const report = await getReport({ accountId, timeZone: TZ, searchParams: { range: "today", batch: "1" } });
    expect(report!.table.pings).toBeNull();
  });

  it("adds one line of pings after the CSV's total, columns unchanged", async () => {
    const csv = (await exportReportCsv({ accountId, timeZone: TZ, searchParams: { range: "today", group: "source" } }))!;
    const lines = csv.replace("\uFEFF", "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("Source,Submitted,Success,Failure,Error,Cost");
    expect(lines.at(-2)).toMatch(/^Total,1,1,0,0,/);
    expect(lines.at(-1)).toBe("Pings (not leads),4,3,1,0,");
  });
});
