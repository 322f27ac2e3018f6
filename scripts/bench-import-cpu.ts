// Micro-benchmark of the import phase's pure per-row work, outside the server and PostgreSQL: the
// rows of a gen-leads file (bench:import's cached .data/bench-import/leads-200000.csv by default),
// mapped as bench:import maps them, for the demo flow -> leadData + normalizeLead -> checkLead ->
// processLeads (in-memory store) -> the leads' COPY text as the lead store writes it. Prints CPU
// us per row for each piece, best of BENCH_REPEAT runs (5), in 1,000-row batches like the import.
// BENCH_HEAP=1 also prints the bytes allocated per row by function (V8's sampling heap profiler,
// collected objects included). `npx tsx scripts/bench-import-cpu.ts [file.csv] [lines]`. Not a test.
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parse } from "csv-parse/sync";
import { demoFlowConfig } from "@/db/demo-flow";
import { CopyPieces, copyJson } from "@/db/bulk-copy";
import { storedEvents } from "@/lib/flow/lead-events";
import { createMemoryFlowStore } from "@/lib/flow/memory-flow-store";
import { fieldTypeMap, normalizeLead } from "@/lib/flow/normalize";
import { processLeads } from "@/lib/flow/process-leads";
import type { FlowContext, LeadInput } from "@/lib/flow/flow-context";
import type { ProcessedLead } from "@/lib/flow/flow-store";
import { arrayLiteral } from "@/lib/leads/search-keys";
import { checkLead, leadData, planFor } from "@/lib/imports/validate/row-check";
import type { Mapping } from "@/lib/imports/settings";

const [file = ".data/bench-import/leads-200000.csv", rowsArg = "50000"] = process.argv.slice(2);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const ids = ["first_name", "last_name", "email", "phone_1", "phone_2", "address_1", "city", "state", "postal_code", "dob",
  "loan_amount", "credit_rating", null, null, "ip_address", "comments", "source_timestamp"];
const mapping = ids.map((fieldId, column) => ({ column, fieldId })) as Mapping;
const cells: string[][] = parse(readFileSync(file, "utf8"), { from_line: 2, to_line: Number(rowsArg) + 1, relax_column_count: true });
const ctx: FlowContext = { accountId: "a", timeZone: "UTC", flow: { id: "f", enabled: true, config: demoFlowConfig }, source: { id: "s", config: { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] } } };
const types = fieldTypeMap(demoFlowConfig.fields);
const plan = planFor(ctx);

// The values lib/flow/lead-store.ts COPYs for a lead (its leadRow, not exported).
function leadRow(l: ProcessedLead) {
  return [l.id, l.accountId, l.flowId, l.sourceId, l.importId, l.importLine, l.submittedAt.toISOString(),
    copyJson(l.raw), copyJson(l.normalized), l.outcome, l.reason, l.price, l.isBatchLead, l.isTest,
    l.email, l.phone, l.name, l.reference, arrayLiteral(l.searchKeys ?? []), copyJson(storedEvents(l.events))];
}

const heap = process.env.BENCH_HEAP === "1" ? new Session() : null;
if (heap) { heap.connect(); await heap.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }); }
const cpu = () => process.cpuUsage().user + process.cpuUsage().system;
const best: Record<string, number> = {};
let written = 0;
for (let r = 0; r < repeat; r++) {
  const t: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = cpu();
    const out = await fn();
    t[name] = (t[name] ?? 0) + cpu() - start;
    return out;
  };
  for (let start = 0; start < cells.length; start += 1000) {
    const batch = cells.slice(start, start + 1000);
    const datas = await time("leadData", () => batch.map((row) => leadData(mapping, row)));
    const normalized = await time("normalizeLead", () => datas.map((d) => normalizeLead(types, d)));
    await time("checkLead", () => normalized.map((n) => checkLead(plan, n)));
    const inputs: LeadInput[] = datas.map((data, i) => ({ id: `id${start + i}`, data, normalized: normalized[i], importId: "imp", importLine: start + i + 2, isBatchLead: true }));
    const store = createMemoryFlowStore();
    const leads = await time("processLeads", () => processLeads(ctx, inputs, { store, deliver: async () => { throw new Error("no"); } }));
    await time("copyText", () => {
      const pieces = new CopyPieces(64 * 1024);
      for (const lead of leads) pieces.row(leadRow(lead));
      written += pieces.ready.reduce((sum, ready) => sum + ready.piece.length, 0) + (pieces.rest()?.piece.length ?? 0);
    });
  }
  for (const [k, v] of Object.entries(t)) best[k] = Math.min(best[k] ?? Infinity, v);
}
let total = 0;
if (heap) {
  const { profile } = (await heap.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: HeapNode } };
  type HeapNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: HeapNode[] };
  const by = new Map<string, number>();
  const walk = (n: HeapNode, stack: string[]) => {
    const name = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
    const key = [name, ...stack.slice(0, 2)].join(" < ");
    by.set(key, (by.get(key) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, [name, ...stack]);
  };
  walk(profile.head, []);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / cells.length / repeat).toFixed(0).padStart(6)} B/row ${k}`);
}
for (const [k, v] of Object.entries(best)) {
  total += v;
  console.log(`${k.padEnd(14)} ${(v / cells.length).toFixed(2)} us/row`);
}
console.log(`${"total".padEnd(14)} ${(total / cells.length).toFixed(2)} us/row (${cells.length} rows, best of ${repeat}; ${Math.round(written / repeat / cells.length)} bytes of COPY text a lead)`);
