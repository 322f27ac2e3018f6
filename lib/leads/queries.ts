import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { flows, imports, leads, sources } from "@/db/schema";
import { timelineOf } from "@/lib/flow/lead-events";
import type { Cursor } from "./cursor";
import type { LeadFilter } from "./filters";
import { leadOfAccount } from "./by-id";
import { leadWhere } from "./lead-where";

// The row time to the microsecond, in the cursor's format.
const cursorAt = sql<string>`to_char(${leads.submittedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The name as the source sent it ("Elizabeth Thomas"): first and last name from the stored raw data,
// cut to what a list shows. `name` stays the lowercase search key; a lead with neither raw field
// (older leads) reads null and the page falls back to the key.
const displayName = sql<string | null>`nullif(left(concat_ws(' ', nullif(btrim(${leads.raw}->>'first_name'), ''), nullif(btrim(${leads.raw}->>'last_name'), '')), 200), '')`;

const listColumns = {
  id: leads.id,
  submittedAt: leads.submittedAt,
  cursorAt,
  flowId: leads.flowId,
  sourceId: leads.sourceId,
  importId: leads.importId,
  importLine: leads.importLine,
  outcome: leads.outcome,
  reason: leads.reason,
  price: leads.price,
  isBatchLead: leads.isBatchLead,
  email: leads.email,
  phone: leads.phone,
  name: leads.name,
  displayName,
  reference: leads.reference,
};

export type LeadListRow = Awaited<ReturnType<typeof listLeads>>[number];

// One page newest first, after the cursor. Reads limit + 1 rows to know whether another page exists.
export async function listLeads(options: { accountId: string; filter: LeadFilter; after: Cursor | null; limit: number }) {
  const { accountId, filter, after, limit } = options;
  const where = leadWhere(accountId, filter);
  return getDb()
    .select(listColumns)
    .from(leads)
    .where(after ? and(where, sql`(${leads.submittedAt}, ${leads.id}) < (${after.at}::timestamptz, ${after.id})`) : where)
    .orderBy(desc(leads.submittedAt), desc(leads.id))
    .limit(limit);
}

export async function countLeads(accountId: string, filter: LeadFilter): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(leads).where(leadWhere(accountId, filter));
  return Number(row?.n ?? 0);
}

// A lead of this account with its stored (already masked) data; null for another account's id.
export async function getLeadForAccount(accountId: string, leadId: string) {
  const [row] = await getDb()
    .select({
      ...listColumns,
      raw: leads.raw,
      normalized: leads.normalized,
      isTest: leads.isTest,
      flowName: flows.name,
      sourceName: sources.name,
      importFileName: imports.fileName,
    })
    .from(leads)
    .leftJoin(flows, eq(flows.id, leads.flowId))
    .leftJoin(sources, eq(sources.id, leads.sourceId))
    .leftJoin(imports, eq(imports.id, leads.importId))
    .where(and(eq(leads.id, leadId), leadOfAccount(accountId)));
  return row ?? null;
}

export async function listLeadEvents(leadId: string) {
  const [row] = await getDb().select({ events: leads.events, submittedAt: leads.submittedAt }).from(leads).where(eq(leads.id, leadId));
  return row ? timelineOf(row.events, row.submittedAt) : [];
}

// The account's imports, newest first, for the import filter and report labels.
export async function listImportsByAccount(accountId: string, limit = 200) {
  return getDb()
    .select({ id: imports.id, fileName: imports.fileName, sourceId: imports.sourceId, createdAt: imports.createdAt })
    .from(imports)
    .where(eq(imports.accountId, accountId))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

// How many of these ids belong to the account, per kind: a URL naming anything else is a 404.
export async function countOwnedIds(accountId: string, ids: { flowIds: string[]; sourceIds: string[]; importIds: string[] }) {
  const db = getDb();
  const owned = async (table: typeof flows | typeof sources | typeof imports, list: string[]) => {
    if (list.length === 0) return 0;
    const [row] = await db.select({ n: count() }).from(table).where(and(eq(table.accountId, accountId), inArray(table.id, list)));
    return Number(row?.n ?? 0);
  };
  return {
    flows: await owned(flows, ids.flowIds),
    sources: await owned(sources, ids.sourceIds),
    imports: await owned(imports, ids.importIds),
  };
}
