import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, imports, reportLinks } from "@/db/schema";
import { newId } from "@/lib/ids";
import { openSharedReport } from "@/lib/report-links/shared-report";
import { changeReportLink, createReportLink, listReportLinks, setPartnerContacts, stopReportLink } from "@/lib/report-links/service";
import { addFlow, importLeads, person, submitLeads, type TestSource } from "../helpers/seed-leads";

const tokenOf = (url: string) => url.split("/r/")[1]!;
const day = (d: string, time = "15:00:00") => new Date(`${d}T${time}Z`);
const allTime = { range: "all" };
let accountId: string;
const actor = { id: null, email: "report-links@example.com" };
let otherAccountId: string;
let acme: TestSource, best: TestSource, direct: TestSource, theirs: TestSource;

beforeAll(async () => {
  accountId = newId();
  otherAccountId = newId();
  await getDb().insert(accounts).values([{ id: accountId, name: "Buyer" }, { id: otherAccountId, name: "Someone else" }]);
  const mortgage = await addFlow({ accountId, name: "Mortgage", sources: ["Acme", "Best"] });
  [acme, best] = mortgage.sources as [TestSource, TestSource];
  [direct] = (await addFlow({ accountId, name: "Auto", sources: ["Direct"] })).sources as [TestSource];
  [theirs] = (await addFlow({ accountId: otherAccountId, name: "Theirs", sources: ["Their source"] })).sources as [TestSource];
  await submitLeads(acme, [
    { data: person(), submittedAt: day("2025-02-01") },
    { data: person({ email: undefined, phone_1: undefined }), submittedAt: day("2025-02-02") },
  ]);
  await submitLeads(best, [{ data: person(), submittedAt: day("2025-02-01") }]);
  await submitLeads(direct, [{ data: person(), submittedAt: day("2025-02-01") }]);
  await submitLeads(theirs, [{ data: person(), submittedAt: day("2025-02-01") }]);
  await importLeads(acme, {
    fileName: "february.csv",
    at: day("2025-02-03"),
    rows: [person(), person({ state: "ZZ" }), person({ first_name: "Maria", last_name: "Lopez", email: "maria.lopez@gmail.com", phone_1: "512-789-3333" })],
  });
});

async function share(scope: unknown, name = "For Acme") {
  const result = await createReportLink({ accountId, name, scope, actor });
  if (result.status !== "ok") throw new Error(result.message);
  return result;
}

describe("a shared report", () => {
  it("shows only the sources it was scoped to, whatever the time frame", async () => {
    const link = await share({ kind: "report", sourceIds: [acme.id], groupBy: "flow" });
    const report = await openSharedReport(tokenOf(link.url), allTime);
    expect(report?.kind).toBe("report");
    if (report?.kind !== "report") return;
    expect(report.scope.sources).toEqual(["Acme"]);
    expect(report.table.rows.map((r) => r.label)).toEqual(["Mortgage"]);
    expect(report.table.totals).toMatchObject({ submitted: 5, success: 3, failure: 2 });
    const february2 = await openSharedReport(tokenOf(link.url), { range: "custom", from: "2025-02-02", to: "2025-02-02" });
    expect(february2?.table.totals.submitted).toBe(1);
  });

  it("scoped to a flow, counts that flow's sources and no other", async () => {
    const link = await share({ kind: "report", flowIds: [acme.ctx.flow.id], groupBy: "source" });
    const report = await openSharedReport(tokenOf(link.url), allTime);
    expect(report!.table.rows.map((r) => r.label).sort()).toEqual(["Acme", "Best"]);
  });

  it("keeps the report's other filters: batch leads only, reasons", async () => {
    const batch = await share({ kind: "report", sourceIds: [acme.id], batchOnly: true });
    expect((await openSharedReport(tokenOf(batch.url), allTime))!.table.totals.submitted).toBe(3);
    const reason = await share({ kind: "report", sourceIds: [acme.id], reasons: ["Email or phone is required"] });
    expect((await openSharedReport(tokenOf(reason.url), allTime))!.table.totals.submitted).toBe(1);
  });

  it("cannot be created for another account's source, or for everything", async () => {
    expect(await createReportLink({ accountId, name: "x", scope: { kind: "report", sourceIds: [theirs.id] }, actor })).toMatchObject({ status: "invalid" });
    expect(await createReportLink({ accountId, name: "x", scope: { kind: "partner", sourceId: theirs.id }, actor })).toMatchObject({ status: "invalid" });
    expect(await createReportLink({ accountId, name: "x", scope: { kind: "report" }, actor })).toMatchObject({ status: "invalid" });
    const theirImport = { kind: "report", sourceIds: [acme.id], importIds: [theirs.id] };
    expect(await createReportLink({ accountId, name: "x", scope: theirImport, actor })).toMatchObject({ status: "invalid" });
  });

  it("keeps a token of 256 random-looking bits and stores only its hash", async () => {
    const link = await share({ kind: "report", sourceIds: [best.id] });
    expect(tokenOf(link.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await getDb().select().from(reportLinks));
    expect(stored).not.toContain(tokenOf(link.url));
    expect((await listReportLinks(accountId)).find((l) => l.id === link.id)?.url).toBe(link.url);
  });

  it("is not found at once when changed, and the new link works", async () => {
    const link = await share({ kind: "report", sourceIds: [acme.id] });
    const newUrl = await changeReportLink(accountId, link.id, actor);
    expect(newUrl).not.toBe(link.url);
    expect(await openSharedReport(tokenOf(link.url), allTime)).toBeNull();
    expect(await openSharedReport(tokenOf(newUrl!), allTime)).not.toBeNull();
  });

  it("is not found at once when sharing stops", async () => {
    const link = await share({ kind: "report", sourceIds: [acme.id] });
    expect(await stopReportLink(accountId, link.id, actor)).toBe(true);
    expect(await openSharedReport(tokenOf(link.url), allTime)).toBeNull();
    expect((await listReportLinks(accountId)).map((l) => l.id)).not.toContain(link.id);
  });

  it("cannot be changed or stopped by another account", async () => {
    const link = await share({ kind: "report", sourceIds: [acme.id] });
    expect(await changeReportLink(otherAccountId, link.id, actor)).toBeNull();
    expect(await stopReportLink(otherAccountId, link.id, actor)).toBe(false);
    expect(await openSharedReport(tokenOf(link.url), allTime)).not.toBeNull();
  });

  it("answers a made-up token like a stopped one", async () => {
    expect(await openSharedReport("A".repeat(43), allTime)).toBeNull();
    expect(await openSharedReport("../../etc", allTime)).toBeNull();
  });
});

describe("the partner report a buyer gives a source", () => {
  it("counts the source's leads by reason and lists its imports with the last imported lead, contacts masked", async () => {
    const link = await share({ kind: "partner", sourceId: acme.id }, "Acme partner report");
    const report = await openSharedReport(tokenOf(link.url), allTime);
    if (report?.kind !== "partner") throw new Error("expected a partner report");
    expect(report.sourceName).toBe("Acme");
    expect(report.table.rows.map((r) => [r.label, r.submitted]).sort()).toEqual([
      ["Email or phone is required", 1],
      ["No reason", 3],
      ["State must be a valid US state or Canadian province", 1],
    ]);
    expect(report.imports).toHaveLength(1);
    expect(report.imports[0]).toMatchObject({
      fileName: "february.csv",
      rows: 3,
      outcomes: { success: 2, failure: 1, error: 0 },
      notImported: 0,
      lastLine: 4,
      lastLeadOutcome: "success",
      lastLeadEmail: "m•••@g•••.com",
      lastLeadPhone: "•••-•••-••33",
      lastLeadName: "M. L.",
    });
    expect(JSON.stringify(report)).not.toContain("maria");
  });

  it("shows contact details once the account holder chooses to", async () => {
    const link = await share({ kind: "partner", sourceId: acme.id });
    expect(await setPartnerContacts(otherAccountId, link.id, true)).toBe(false);
    expect(await setPartnerContacts(accountId, link.id, true)).toBe(true);
    const report = await openSharedReport(tokenOf(link.url), allTime);
    if (report?.kind !== "partner") throw new Error("expected a partner report");
    expect(report.imports[0]).toMatchObject({ lastLeadEmail: "maria.lopez@gmail.com", lastLeadPhone: "5127893333", lastLeadName: "maria lopez" });
  });

  // Issue #14, one vocabulary: a partner sees an import's rows counted as on the import's own page, the
  // import JSON and results.csv: rows not imported, and rows a stopped import never reached, are failures.
  it("counts an import's rows by outcome as the import's page does, rows not imported among the failures", async () => {
    const importId = newId();
    await getDb().insert(imports).values({
      id: importId, accountId, flowId: best.ctx.flow.id, sourceId: best.id, settings: {}, fileName: "stopped.csv", status: "cancelled",
      rows: 10, validatedRows: 10, processedRows: 6, successCount: 4, failureCount: 1, skippedRows: 1, createdAt: day("2025-02-04"),
    });
    const link = await share({ kind: "partner", sourceId: best.id });
    const report = await openSharedReport(tokenOf(link.url), allTime);
    if (report?.kind !== "partner") throw new Error("expected a partner report");
    expect(report.imports).toHaveLength(1);
    // 4 leads accepted; 1 lead failed, 1 invalid row not imported, 4 rows never reached: 6 failures, 5 of them not imported.
    expect(report.imports[0]).toMatchObject({ id: importId, outcomes: { success: 4, failure: 6, error: 0 }, notImported: 5 });
  });

  it("never shows another source's imports", async () => {
    const link = await share({ kind: "partner", sourceId: direct.id });
    const report = await openSharedReport(tokenOf(link.url), allTime);
    if (report?.kind !== "partner") throw new Error("expected a partner report");
    expect(report.imports).toEqual([]);
    expect(report.table.totals.submitted).toBe(1);
  });
});
