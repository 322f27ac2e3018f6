// Realistic leads for integration tests: every lead goes through the flow module (processLeads with
// the database lead store), as the real-time API and the batch import do.
import { eq } from "drizzle-orm";
import { getDatabase, getDb } from "@/db";
import { demoFlowConfig } from "@/db/demo-flow";
import { withTransaction } from "@/db/transaction";
import { accounts, flows, imports, sources } from "@/db/schema";
import { createLeadStore } from "@/lib/flow/lead-store";
import type { ProcessedLead } from "@/lib/flow/flow-store";
import type { SourceConfig } from "@/lib/flow/model";
import { processLeads } from "@/lib/flow/process-leads";
import type { FlowContext, LeadInput } from "@/lib/flow/flow-context";
import { newId } from "@/lib/ids";

const sourceConfig: SourceConfig = { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] };

export type TestSource = { id: string; name: string; ctx: FlowContext };

export async function addFlow(options: { accountId: string; name: string; sources: string[]; enabled?: boolean; timeZone?: string }) {
  const flowId = newId();
  await getDb().insert(flows).values({ id: flowId, accountId: options.accountId, name: options.name, enabled: options.enabled ?? true, config: demoFlowConfig });
  const list: TestSource[] = [];
  for (const name of options.sources) {
    const id = newId();
    await getDb().insert(sources).values({ id, accountId: options.accountId, flowId, name, config: sourceConfig, apiKeyHash: `hash-${id}`, docsTokenNonce: id, docsTokenHash: `docs-${id}` });
    list.push({
      id,
      name,
      ctx: { accountId: options.accountId, timeZone: options.timeZone ?? "America/Chicago", flow: { id: flowId, enabled: options.enabled ?? true, config: demoFlowConfig }, source: { id, config: sourceConfig } },
    });
  }
  return { flowId, sources: list };
}

export async function setTimeZone(accountId: string, timeZone: string) {
  await getDb().update(accounts).set({ timeZone }).where(eq(accounts.id, accountId));
}

export async function submitLeads(source: TestSource, inputs: LeadInput[]): Promise<ProcessedLead[]> {
  return withTransaction(getDatabase(), (tx) =>
    processLeads(source.ctx, inputs, { store: createLeadStore(tx), deliver: async () => ({ outcome: "success", reason: null }) }),
  );
}

// An import of rows through the flow module, then its summary row as the import backend leaves it.
export async function importLeads(source: TestSource, options: { fileName: string; rows: Array<Record<string, string>>; at: Date; status?: "completed" | "cancelled" }) {
  const importId = newId();
  await getDb().insert(imports).values({ id: importId, accountId: source.ctx.accountId, flowId: source.ctx.flow.id, sourceId: source.id, fileName: options.fileName, status: "importing", settings: {}, createdAt: options.at });
  const processed = await submitLeads(
    source,
    options.rows.map((data, i) => ({ data, importId, importLine: i + 2, isBatchLead: true, submittedAt: new Date(options.at.getTime() + i * 1000) })),
  );
  const last = processed.at(-1);
  const tally = (o: string) => processed.filter((l) => l.outcome === o).length;
  await getDb()
    .update(imports)
    .set({
      status: options.status ?? "completed",
      rows: options.rows.length,
      validatedRows: options.rows.length,
      processedRows: processed.length,
      successCount: tally("success"),
      failureCount: tally("failure"),
      errorCount: tally("error"),
      lastLine: last?.importLine ?? null,
      lastLeadId: last?.id ?? null,
      completedAt: new Date(options.at.getTime() + 60_000),
    })
    .where(eq(imports.id, importId));
  return { importId, leads: processed };
}

let counter = 0;
// A lead's data; `over` replaces or removes (undefined) fields.
export function person(over: Record<string, string | undefined> = {}): Record<string, string> {
  counter += 1;
  const data: Record<string, string | undefined> = {
    first_name: "Pat",
    last_name: `Tester${counter}`,
    email: `pat${counter}@example.com`,
    phone_1: `512${String(7_000_000 + counter).padStart(7, "0")}`,
    state: "TX",
    credit_rating: counter % 3 === 0 ? "Excellent" : "Good",
    ...over,
  };
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => e[1] !== undefined));
}
