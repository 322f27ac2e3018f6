// IMPORT_FILE_RETENTION_DAYS: the maintenance job deletes the stored file and staged rows of imports
// finished longer ago, in batches, never their leads; the API then says the results are gone (410).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { SummaryStep } from "@/app/_components/imports/import-summary";
import { getImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { pruneExpired } from "@/lib/maintenance/prune";
import { createAccount } from "../helpers/accounts";
import { callImport, json, runJobToEnd, uploadFile } from "../helpers/imports";

const rows = async (query: ReturnType<typeof sql>) => ((await getDb().execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
const countOf = async (query: ReturnType<typeof sql>) => Number((await rows(query))[0]!.n);

let account: Awaited<ReturnType<typeof createAccount>>;

const FILE = "First Name,Email,Phone,State\nAnn,ann@example.com,5125550100,TX\nBob,,,TX\nCy,cy@example.com,5125550102,VA\n";

/** Uploads, maps with the suggestions and imports every row: a completed import with leads. */
async function completedImport() {
  const { id } = await json<{ id: string }>(uploadFile(account, FILE), 201);
  const { columns } = await json<{ columns: Array<{ fieldId: string | null }> }>(callImport(id, "mapping", { auth: account.apiKey }));
  await json(callImport(id, "mapping", { method: "PUT", auth: account.apiKey, body: { mapping: columns.map((c, column) => ({ column, fieldId: c.fieldId })) } }));
  await json(callImport(id, "confirm", { auth: account.apiKey, body: { mode: "all" } }), 202);
  await runJobToEnd(id);
  return id;
}

const held = async (id: string) => ({
  rows: await countOf(sql`select count(*)::int as n from import_rows where import_id = ${id}`),
  files: await countOf(sql`select count(*)::int as n from import_files where import_id = ${id}`),
  leads: await countOf(sql`select count(*)::int as n from leads where import_id = ${id}`),
});

const finishedDaysAgo = (id: string, days: number) =>
  getDb().execute(sql`update imports set completed_at = now() - make_interval(days => ${days}), updated_at = now() - make_interval(days => ${days}) where id = ${id}`);

beforeAll(async () => {
  account = await createAccount({ email: "retention@example.com", password: "retention-password" });
});

describe("retention of finished imports' files", () => {
  it("prunes the file and staged rows of imports finished past the retention, keeps their leads, and answers 410 for their results", async () => {
    const old = await completedImport();
    const recent = await completedImport();
    const { id: waiting } = await json<{ id: string }>(uploadFile(account, FILE), 201);
    await finishedDaysAgo(old, 31);
    await finishedDaysAgo(recent, 29);
    await getDb().execute(sql`update imports set created_at = now() - interval '40 days', updated_at = now() - interval '40 days' where id = ${waiting}`);
    const before = { old: await held(old), recent: await held(recent), waiting: await held(waiting) };
    expect(before.old).toMatchObject({ rows: 3, files: 1 });
    expect(before.old.leads).toBeGreaterThan(0);

    const counts = await pruneExpired(getDb(), { loginWindowMinutes: 15, importRetentionDays: 30, batchSize: 2 });

    expect(counts).toMatchObject({ importRows: 3, importFiles: 1 });
    expect(await held(old)).toEqual({ rows: 0, files: 0, leads: before.old.leads });
    expect(await held(recent)).toEqual(before.recent);
    expect(await held(waiting)).toEqual(before.waiting);

    const view = await json<{ resultsAvailable: boolean; resultsAvailableUntil: string; rows: number }>(callImport(old, "status", { auth: account.apiKey }));
    expect(view).toMatchObject({ resultsAvailable: false, rows: 3 });
    expect(new Date(view.resultsAvailableUntil).getTime()).toBeLessThan(Date.now());
    for (const route of ["results.csv", "problems.csv", "results", "problems"] as const) {
      const res = await callImport(old, route, { auth: account.apiKey });
      expect(res.status).toBe(410);
      expect((await res.json()).error).toMatch(/^The results of this import are no longer available: an import's file and rows are deleted 30 days after it finishes/);
    }
    expect(await json(callImport(recent, "status", { auth: account.apiKey }))).toMatchObject({ resultsAvailable: true });
    expect((await callImport(recent, "results.csv", { auth: account.apiKey })).status).toBe(200);

    // The import's page says on which day (the account's clock) the file went, or will go.
    const day = (daysFromNow: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Chicago" }).format(new Date(Date.now() + daysFromNow * 86_400_000));
    expect(await summaryText(old)).toContain(`The results file is no longer available: it was deleted on ${day(-1)} (America/Chicago) with the import's rows. Its leads are kept.`);
    const recentPage = await summaryText(recent);
    expect(recentPage).toContain("Download the results (results.csv)");
    expect(recentPage).toContain(`The results file is kept until ${day(1)} (America/Chicago); then it is deleted with the import's rows.`);
  });
});

/** Every string of the import page's summary step, as the account's holder sees it. */
async function summaryText(id: string): Promise<string> {
  const caller: WizardCaller = {
    scope: { kind: "holder" },
    access: { accountId: account.accountId },
    timeZone: "America/Chicago",
    names: { flows: new Map(), sources: new Map() },
    docs: null,
    mayChange: false,
  };
  const view = (await getImportView(caller.access, id))!;
  return strings(await SummaryStep({ caller, view, after: 0, outcome: "failure", target: null })).join("\n");
}

// Every string in a rendered element tree's props (React's own bookkeeping keys left out).
function strings(node: unknown, seen = new Set<unknown>()): string[] {
  if (typeof node === "string") return [node];
  if (!node || typeof node !== "object" || seen.has(node)) return [];
  seen.add(node);
  return Object.entries(node).flatMap(([key, value]) => (key.startsWith("_") ? [] : strings(value, seen)));
}

describe("space of pruned files and rows", () => {
  // PGlite has no autovacuum: without a vacuum after the prune, the pruned space is never reused.
  const vacuums = async () =>
    Object.fromEntries(
      (await rows(sql`select relname, vacuum_count from pg_stat_user_tables where relname in ('import_rows', 'import_files', 'import_row_keys', 'upload_pieces')`)).map((r) => [r.relname, Number(r.vacuum_count)]),
    );

  it("vacuums the tables that lost at least vacuumAfterRows rows (a hundredth as many file pieces), and only those", async () => {
    const small = await completedImport();
    await finishedDaysAgo(small, 31);
    const before = await vacuums();
    expect((await pruneExpired(getDb(), { loginWindowMinutes: 15, importRetentionDays: 30 })).importRows).toBe(3);
    expect(await vacuums()).toEqual(before);

    const old = await completedImport();
    await finishedDaysAgo(old, 31);
    expect(await pruneExpired(getDb(), { loginWindowMinutes: 15, importRetentionDays: 30, vacuumAfterRows: 3 })).toMatchObject({ importRows: 3, importFiles: 1 });
    const after = await vacuums();
    expect(after.import_rows).toBe(before.import_rows! + 1);
    expect(after.import_files).toBe(before.import_files! + 1);
    expect(after.upload_pieces).toBe(before.upload_pieces);
  });
});
