// The home page's data: leads today and in the last 7 days by outcome on the account's clock (from the
// report rollup), imports running now, the latest imports, and each flow with its last lead's time;
// only this account's.
import { actAs, signInAs } from "../helpers/as-person";
import { beforeAll, describe, expect, it } from "vitest";
import HomePage from "@/app/(account)/page";
import { createAccount } from "../helpers/accounts";
import { teamAccount } from "../helpers/people";
import { getDb } from "@/db";
import { accounts, imports } from "@/db/schema";
import { getHomeData } from "@/lib/home/dashboard";
import { importOutcomesText } from "@/lib/home/summary";
import { newId } from "@/lib/ids";
import { addFlow, importLeads, person, submitLeads } from "../helpers/seed-leads";

const TZ = "America/Chicago";
// 14:00 in Chicago on 15 January: "today" there began at 06:00 UTC.
const now = new Date("2025-01-15T20:00:00Z");
let accountId: string;
let mortgageFlowId: string;
let autoFlowId: string;
let runningId: string;

beforeAll(async () => {
  accountId = newId();
  const otherId = newId();
  await getDb().insert(accounts).values([{ id: accountId, name: "Home", timeZone: TZ }, { id: otherId, name: "Other", timeZone: TZ }]);
  const mortgage = await addFlow({ accountId, name: "Mortgage", sources: ["Acme"] });
  const auto = await addFlow({ accountId, name: "Auto", sources: ["Direct"] });
  const theirs = await addFlow({ accountId: otherId, name: "Theirs", sources: ["Their source"] });
  mortgageFlowId = mortgage.flowId;
  autoFlowId = auto.flowId;
  const acme = mortgage.sources[0]!;
  const noContact = () => person({ email: undefined, phone_1: undefined });
  await submitLeads(acme, [
    { data: person(), submittedAt: new Date("2025-01-15T15:00:00Z") },
    { data: person(), submittedAt: new Date("2025-01-15T16:00:00Z") },
    { data: noContact(), submittedAt: new Date("2025-01-15T19:30:00Z") },
    // 23:00 on the 14th in Chicago, although the 15th in UTC: this week, not today.
    { data: person(), submittedAt: new Date("2025-01-15T05:00:00Z") },
    // The 9th in Chicago is the first of the last 7 days; the 8th is not.
    { data: noContact(), submittedAt: new Date("2025-01-09T18:00:00Z") },
    { data: person(), submittedAt: new Date("2025-01-08T18:00:00Z") },
  ]);
  await importLeads(acme, { fileName: "january.csv", rows: [person(), person()], at: new Date("2025-01-10T15:00:00Z") });
  await submitLeads(theirs.sources[0]!, [{ data: person(), submittedAt: new Date("2025-01-15T15:00:00Z") }]);
  runningId = newId();
  const base = { accountId, flowId: mortgageFlowId, sourceId: acme.id, settings: {} };
  await getDb()
    .insert(imports)
    .values([
      { ...base, id: runningId, fileName: "big.csv", status: "importing", rows: 100, validatedRows: 100, processedRows: 40, successCount: 39, failureCount: 1, createdAt: new Date("2025-01-15T19:00:00Z") },
      { ...base, id: newId(), fileName: "waiting.csv", status: "staged", rows: 5, createdAt: new Date("2025-01-15T18:00:00Z") },
      { id: newId(), accountId: otherId, flowId: theirs.flowId, sourceId: theirs.sources[0]!.id, settings: {}, fileName: "theirs.csv", status: "importing", createdAt: new Date("2025-01-15T19:10:00Z") },
    ]);
});

describe("the home page's data", () => {
  it("counts leads today and in the last 7 days by outcome, on the account's clock", async () => {
    const home = await getHomeData({ accountId, timeZone: TZ, now });
    expect(home.leads.today).toEqual({ submitted: 3, success: 2, failure: 1, error: 0 });
    expect(home.leads.week).toEqual({ submitted: 7, success: 5, failure: 2, error: 0 });
  });

  it("lists only this account's running imports, with the counters live progress starts from", async () => {
    const home = await getHomeData({ accountId, timeZone: TZ, now });
    expect(home.running).toHaveLength(1);
    expect(home.running[0]).toMatchObject({ id: runningId, fileName: "big.csv", status: "importing", rows: 100, processed: 40, outcomes: { success: 39, failure: 1, error: 0 } });
  });

  it("lists the latest imports newest first, whatever their status", async () => {
    const home = await getHomeData({ accountId, timeZone: TZ, now });
    expect(home.recent.map((i) => [i.fileName, i.status])).toEqual([
      ["big.csv", "importing"],
      ["waiting.csv", "staged"],
      ["january.csv", "completed"],
    ]);
  });

  it("gives each flow the time of its last lead, or none", async () => {
    const home = await getHomeData({ accountId, timeZone: TZ, now });
    const byId = new Map(home.flows.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual([autoFlowId, mortgageFlowId].sort());
    expect(byId.get(mortgageFlowId)!.lastLeadAt).toEqual(new Date("2025-01-15T19:30:00Z"));
    expect(byId.get(autoFlowId)!.lastLeadAt).toBeNull();
    expect(home.flows.map((f) => f.name)).toEqual(["Auto", "Mortgage"]);
  });

  it("shows nothing but zeros for an account with no leads or imports", async () => {
    const emptyId = newId();
    await getDb().insert(accounts).values({ id: emptyId, name: "Empty", timeZone: "UTC" });
    const home = await getHomeData({ accountId: emptyId, timeZone: "UTC", now });
    expect(home).toEqual({ leads: { today: { submitted: 0, success: 0, failure: 0, error: 0 }, week: { submitted: 0, success: 0, failure: 0, error: 0 } }, running: [], recent: [], flows: [] });
  });
});

// Every string in a rendered element tree's props (React's own bookkeeping keys left out).
function strings(node: unknown, seen = new Set<unknown>()): string[] {
  if (typeof node === "string") return [node];
  if (!node || typeof node !== "object" || seen.has(node)) return [];
  seen.add(node);
  return Object.entries(node).flatMap(([key, value]) => (key.startsWith("_") ? [] : strings(value, seen)));
}

describe("the home page by role", () => {
  it("every role opens it; only a role that may import is offered 'Import leads'", async () => {
    const team = await teamAccount("home-roles");
    const offered: Record<string, unknown> = {};
    for (const role of ["owner", "admin", "editor", "viewer"] as const) {
      actAs(await signInAs(team[role].id));
      const page = strings(await HomePage()).join("\n");
      expect(page).toContain("Dashboard");
      expect(page).toContain("Other flow");
      offered[role] = page.includes("/imports/new");
    }
    expect(offered).toEqual({ owner: true, admin: true, editor: true, viewer: false });
  });
});

// Issue #14, one vocabulary: the home page counts an import's rows as its own page, the import JSON and
// results.csv do: a row not imported is a failure, and "not imported" says how many failures got no lead.
describe("the home page's imports, in the import page's words", () => {
  it("counts rows not imported, and rows a stopped import never reached, among the failures", async () => {
    const target = await createAccount({ email: "home-vocabulary@example.com", password: "home-password-1" });
    const base = { accountId: target.accountId, flowId: target.flowId, sourceId: target.sourceId, settings: {} };
    const [valid, stopped, running] = [newId(), newId(), newId()];
    await getDb()
      .insert(imports)
      .values([
        // "Import only valid rows": 7 leads accepted, 1 failed, 2 invalid rows not imported.
        { ...base, id: valid, fileName: "valid-only.csv", status: "completed", rows: 10, validatedRows: 10, processedRows: 10, successCount: 7, failureCount: 1, skippedRows: 2, createdAt: new Date("2025-01-15T17:00:00Z") },
        // Cancelled after 4 rows: the 6 never reached are failures not imported in results.csv.
        { ...base, id: stopped, fileName: "stopped.csv", status: "cancelled", rows: 10, validatedRows: 10, processedRows: 4, successCount: 4, createdAt: new Date("2025-01-15T18:00:00Z") },
        // Running: rows not reached yet have no outcome.
        { ...base, id: running, fileName: "running.csv", status: "importing", rows: 100, validatedRows: 100, processedRows: 40, successCount: 30, failureCount: 1, skippedRows: 9, createdAt: new Date("2025-01-15T19:00:00Z") },
      ]);
    const home = await getHomeData({ accountId: target.accountId, timeZone: TZ, now });
    const byId = new Map(home.recent.map((i) => [i.id, i]));
    expect(byId.get(valid)).toMatchObject({ outcomes: { success: 7, failure: 3, error: 0 }, notImported: 2 });
    expect(byId.get(stopped)).toMatchObject({ outcomes: { success: 4, failure: 6, error: 0 }, notImported: 6 });
    expect(home.running[0]).toMatchObject({ id: running, outcomes: { success: 30, failure: 10, error: 0 }, notImported: 9 });

    actAs(await signInAs(target.holderId));
    const page = strings(await HomePage()).join("\n");
    expect(page).toContain("Rows of a file that were not imported made no lead, so they are not counted here");
    expect(page).toContain("a failure is a lead the flow did not accept, or a row not imported (no lead was made).");
    expect(importOutcomesText(byId.get(valid)!)).toBe("7 success, 3 failure (2 of them not imported), 0 error");
  });
});
