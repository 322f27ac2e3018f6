import { once } from "node:events";
import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { accounts } from "@/db/schema";
import { toLeadFilter, parseLeadParams, type LeadFilter, type SearchParams } from "@/lib/leads/filters";
import { exportLeadsCsv, leadsCsvStream, type ReadLeadsPage } from "@/lib/leads/export";
import { getLeadForAccount, listLeadEvents, listLeads, type LeadListRow } from "@/lib/leads/queries";
import { getLeadsView } from "@/lib/leads/view";
import { getReport } from "@/lib/reports/report";
import { GROUP_BYS } from "@/lib/reports/report-params";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { createAccount } from "../helpers/accounts";
import { addFlow, importLeads, person, setTimeZone, submitLeads, type TestSource } from "../helpers/seed-leads";

const TZ = "America/Chicago";
const day = (d: string, time = "15:00:00") => new Date(`${d}T${time}Z`);
let accountId: string;
let other: { accountId: string; flowId: string; sourceId: string };
let acme: TestSource, best: TestSource, direct: TestSource, paused: TestSource;
let importId: string;
let secondImportId: string;

beforeAll(async () => {
  accountId = newId();
  await getDb().insert(accounts).values({ id: accountId, name: "Buyer", timeZone: TZ });
  const mortgage = await addFlow({ accountId, name: "Mortgage", sources: ["Acme", "Best"] });
  const auto = await addFlow({ accountId, name: "Auto", sources: ["Direct"] });
  const closed = await addFlow({ accountId, name: "Closed", sources: ["Paused"], enabled: false });
  [acme, best] = mortgage.sources as [TestSource, TestSource];
  [direct] = auto.sources as [TestSource];
  [paused] = closed.sources as [TestSource];

  const repeat = person({ email: "same@example.com", phone_1: "5127891111" });
  await submitLeads(acme, [
    { data: person({ first_name: "Jane", last_name: "Doe", email: "Jane.Doe@Example.com", phone_1: "(512) 789-2222" }), submittedAt: day("2025-01-10", "05:30:00") },
    { data: person({ reference: "REF-77" }), submittedAt: day("2025-01-10", "06:30:00") },
    { data: repeat, submittedAt: day("2025-01-11") },
    { data: repeat, submittedAt: day("2025-01-11", "16:00:00") },
    { data: person({ email: undefined, phone_1: undefined }), submittedAt: day("2025-01-12") },
    { data: person({ reference: "=HYPERLINK(\"http://evil\")" }), submittedAt: day("2025-01-12", "16:00:00") },
  ]);
  await submitLeads(best, [
    { data: person({ state: "ZZ" }), submittedAt: day("2025-01-11") },
    { data: person({ state: "CA" }), submittedAt: day("2025-01-11", "17:00:00") },
    { data: person(), submittedAt: day("2025-01-13") },
  ]);
  await submitLeads(direct, [
    { data: person({ state: "CA" }), submittedAt: day("2025-01-12") },
    { data: person({ email: undefined, phone_1: undefined }), submittedAt: day("2025-01-13") },
  ]);
  await submitLeads(paused, [{ data: person(), submittedAt: day("2025-01-13", "18:00:00") }]);
  ({ importId } = await importLeads(acme, { fileName: "january.csv", at: day("2025-01-14"), rows: [person(), person({ state: "??" }), person(), person({ email: undefined, phone_1: undefined })] }));
  ({ importId: secondImportId } = await importLeads(direct, { fileName: "auto.csv", at: day("2025-01-14", "18:00:00"), rows: [person(), person()] }));

  const created = await createAccount({ email: `other-${newId()}@example.com`, password: "other-password" });
  other = created;
  const [otherSource] = (await addFlow({ accountId: created.accountId, name: "Theirs", sources: ["Their source"] })).sources;
  await submitLeads(otherSource!, [{ data: person(), submittedAt: day("2025-01-12") }]);
  await setTimeZone(created.accountId, TZ);
});

const filterOf = (params: SearchParams) => toLeadFilter(parseLeadParams({ range: "all", ...params })!, TZ);

// Everything the Leads view lists for a filter, page by page through the cursors.
async function listAll(filter: LeadFilter, pageSize = 4): Promise<LeadListRow[]> {
  const all: LeadListRow[] = [];
  let after = null;
  for (;;) {
    const rows = await listLeads({ accountId, filter, after, limit: pageSize });
    all.push(...rows);
    if (rows.length < pageSize) return all;
    after = { at: rows.at(-1)!.cursorAt, id: rows.at(-1)!.id };
  }
}

describe("the Leads view", () => {
  it("lists newest first and pages through every lead once", async () => {
    const rows = await listAll(filterOf({}), 4);
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((r) => r.id)).size).toBe(18);
    const times = rows.map((r) => r.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by flow, source, outcome, reason, import and batch leads", async () => {
    expect((await listAll(filterOf({ flow: direct.ctx.flow.id }))).every((r) => r.sourceId === direct.id)).toBe(true);
    expect(await listAll(filterOf({ source: best.id, outcome: "failure" }))).toHaveLength(1);
    expect(await listAll(filterOf({ reason: "Email or phone is required" }))).toHaveLength(3);
    expect((await listAll(filterOf({ import: importId }))).map((r) => r.importLine)).toEqual([5, 4, 3, 2]);
    expect(await listAll(filterOf({ batch: "1", source: acme.id }))).toHaveLength(4);
    expect((await listAll(filterOf({ outcome: "error" }))).every((r) => r.reason === "Flow is disabled")).toBe(true);
  });

  it("puts the last imported lead of a source first", async () => {
    const [last] = await listAll(filterOf({ source: direct.id, batch: "1" }));
    expect(last).toMatchObject({ importId: secondImportId, importLine: 3 });
  });

  it("finds a lead by id, email, phone in any format, name or reference", async () => {
    const [jane] = await listAll(filterOf({ q: "jane doe" }));
    expect(jane?.email).toBe("jane.doe@example.com");
    for (const q of ["JANE.DOE@example.com", "512-789-2222", "+1 (512) 789 2222", jane!.id]) {
      expect((await listAll(filterOf({ q }))).map((r) => r.id)).toEqual([jane!.id]);
    }
    expect(await listAll(filterOf({ q: "ref-77" }))).toHaveLength(1);
  });

  it("counts days on the account's clock", async () => {
    // 05:30Z on the 10th is still the 9th in Chicago.
    const rows = await listAll(filterOf({ range: "custom", from: "2025-01-10", to: "2025-01-10" }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.submittedAt.toISOString()).toBe("2025-01-10T06:30:00.000Z");
  });

  it("shows a lead's stored data and its step timeline", async () => {
    const [jane] = await listAll(filterOf({ q: "jane doe" }));
    const lead = await getLeadForAccount(accountId, jane!.id);
    expect(lead).toMatchObject({ flowName: "Mortgage", sourceName: "Acme", outcome: "success" });
    expect((lead!.normalized as Record<string, { normal: unknown }>).phone_1!.normal).toBe("5127892222");
    const events = await listLeadEvents(jane!.id);
    expect(events.map((e) => e.step)).toEqual(["acceptance criteria", "1. Duplicate check"]);
  });
});

describe("reports", () => {
  const cases: SearchParams[] = [
    {},
    { flow: "" },
    { source: "" },
    { outcome: "failure" },
    { batch: "1" },
    { range: "custom", from: "2025-01-11", to: "2025-01-12" },
    { field: "state", value: "ca" },
  ];

  it("count exactly the leads the Leads view lists, for every filter and grouping", async () => {
    for (const extra of cases) {
      const params: SearchParams = { range: "all", ...extra };
      if ("flow" in extra) params.flow = acme.ctx.flow.id;
      if ("source" in extra) params.source = best.id;
      const listed = await listAll(toLeadFilter(parseLeadParams(params)!, TZ));
      for (const group of GROUP_BYS) {
        const report = await getReport({ accountId, timeZone: TZ, searchParams: { ...params, group } });
        expect(report!.table.totals.submitted, `${JSON.stringify(params)} by ${group}`).toBe(listed.length);
        expect(report!.table.totals.success).toBe(listed.filter((r) => r.outcome === "success").length);
        expect(report!.table.totals.failure).toBe(listed.filter((r) => r.outcome === "failure").length);
        expect(report!.table.totals.error).toBe(listed.filter((r) => r.outcome === "error").length);
        expect(report!.table.totals.cost).toBeCloseTo(listed.reduce((sum, r) => sum + r.price, 0), 4);
      }
    }
  });

  it("agrees group by group with the Leads view filtered to that group", async () => {
    const report = await getReport({ accountId, timeZone: TZ, searchParams: { range: "all", group: "source" } });
    for (const row of report!.table.rows) {
      expect(await listAll(filterOf({ source: row.key }))).toHaveLength(row.submitted);
    }
    expect(report!.table.rows.map((r) => r.label).sort()).toEqual(["Acme", "Best", "Direct", "Paused"]);
    const byImport = await getReport({ accountId, timeZone: TZ, searchParams: { range: "all", group: "import" } });
    expect(byImport!.table.rows.find((r) => r.key === importId)).toMatchObject({ label: "january.csv", submitted: 4 });
  });

  it("groups by day in the account's time zone, empty days included", async () => {
    const report = await getReport({ accountId, timeZone: TZ, searchParams: { range: "custom", from: "2025-01-08", to: "2025-01-15", group: "day" } });
    expect(report!.table.rows.map((r) => r.key)).toEqual(["2025-01-08", "2025-01-09", "2025-01-10", "2025-01-11", "2025-01-12", "2025-01-13", "2025-01-14", "2025-01-15"]);
    expect(report!.table.rows.map((r) => r.submitted)).toEqual([0, 1, 1, 4, 3, 3, 6, 0]);
  });
});

describe("CSV export", () => {
  it("streams every filtered lead with formula cells neutralized", async () => {
    const filter = filterOf({ source: acme.id });
    const names = { flows: new Map([[acme.ctx.flow.id, "Mortgage"]]), sources: new Map([[acme.id, "Acme"]]) };
    const bytes = await new Response(leadsCsvStream({ accountId, filter, timeZone: TZ, names })).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("\uFEFFLead ID,Submitted at,Flow,Source,Outcome,Reason,Price,Email,Phone,Name,Reference,Import ID,Import line,Batch lead");
    expect(lines).toHaveLength(1 + 10);
    expect(text).toContain(`"'=hyperlink(""http://evil"")"`);
    expect(text).not.toMatch(/,=hyperlink/);
    expect(lines.at(-1)).toContain("2025-01-09 23:30:00,Mortgage,Acme,success");
  });

  it("reads the list a batch at a time, only as the client takes it", async () => {
    const filter = filterOf({});
    const names = { flows: new Map<string, string>(), sources: new Map<string, string>() };
    const reader = leadsCsvStream({ accountId, filter, timeZone: TZ, names, batchSize: 4 }).getReader();
    const chunks: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
    expect(chunks.slice(1).map((c) => c.split("\r\n").length - 1)).toEqual([4, 4, 4, 4, 2]);
    const ids = chunks.join("").split("\r\n").slice(1, -1).map((line) => line.split(",")[0]);
    expect(new Set(ids).size).toBe(18);
  });

  // A query that fails after two pages: the first pages are real, the third read throws.
  const failingAfter = (pages: number): ReadLeadsPage => {
    let reads = 0;
    return async (options) => {
      if (++reads > pages) throw new Error("canceling statement due to statement timeout");
      return listLeads(options);
    };
  };
  const names = { flows: new Map<string, string>(), sources: new Map<string, string>() };

  it("errors the stream and logs it when a page cannot be read partway", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const stream = leadsCsvStream({ accountId, filter: filterOf({}), timeZone: TZ, names, batchSize: 4, readPage: failingAfter(2) });
    const reader = stream.getReader();
    const chunks: string[] = [];
    const read = async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
    };
    await expect(read()).rejects.toThrow("The export could not be completed");
    expect(chunks).toHaveLength(3); // the header and two pages, then the error instead of an end
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]![1])).toMatch(/export failed partway/);
    logged.mockRestore();
  });

  it("reaches the client as a broken download, not a complete file, through Next's response piping", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/csv" });
      const stream = leadsCsvStream({ accountId, filter: filterOf({}), timeZone: TZ, names, batchSize: 4, readPage: failingAfter(1) });
      pipeToNodeResponse(stream, res).catch(() => {}); // what Next does with a route handler's body
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const outcome = await new Promise<string>((resolve) => {
        get({ host: "127.0.0.1", port, path: "/" }, (res) => {
          res.on("data", () => {});
          res.on("end", () => resolve("complete"));
          res.on("error", () => resolve("broken"));
          res.on("aborted", () => resolve("broken"));
        }).on("error", () => resolve("broken"));
      });
      expect(outcome).toBe("broken");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      logged.mockRestore();
    }
  });

  it("exports nothing for another account's ids", async () => {
    expect(await exportLeadsCsv({ accountId: other.accountId, timeZone: TZ, searchParams: { source: acme.id } })).toBeNull();
  });
});

describe("another account's ids", () => {
  it("are not found in any view", async () => {
    const [theirs] = await listLeads({ accountId: other.accountId, filter: filterOf({}), after: null, limit: 1 });
    expect(theirs).toBeDefined();
    expect(await getLeadForAccount(accountId, theirs!.id)).toBeNull();
    const asThem = { accountId: other.accountId, timeZone: TZ };
    for (const searchParams of [{ flow: acme.ctx.flow.id }, { source: acme.id }, { import: importId }]) {
      expect(await getLeadsView({ ...asThem, searchParams })).toBeNull();
      expect(await getReport({ ...asThem, searchParams })).toBeNull();
    }
    expect(await getLeadsView({ accountId, timeZone: TZ, searchParams: { flow: other.flowId } })).toBeNull();
    expect((await getLeadsView({ accountId, timeZone: TZ, searchParams: { range: "all", q: theirs!.id } }))!.leads).toEqual([]);
  });
});
