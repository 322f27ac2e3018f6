import "server-only";
import { listFlowsByAccount } from "@/lib/flows/queries";
import { listSourcesByAccount } from "@/lib/sources/queries";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseLeadParams, toLeadFilter, type LeadFilter, type SearchParams } from "./filters";
import { countOwnedIds, listImportsByAccount, listLeads } from "./queries";

export const PAGE_SIZE = 50;

// The flows, sources and imports a filter form offers, and the names lists and exports show.
export async function getFilterOptions(accountId: string) {
  const [flows, sources, imports] = await Promise.all([listFlowsByAccount(accountId), listSourcesByAccount(accountId), listImportsByAccount(accountId)]);
  return {
    flows: flows.map((f) => ({ id: f.id, name: f.name })),
    sources: sources.map((s) => ({ id: s.id, name: s.name, flowId: s.flowId, flowName: s.flowName })),
    imports: imports.map((i) => ({ id: i.id, name: i.fileName || i.id, sourceId: i.sourceId, createdAt: i.createdAt })),
  };
}
export type FilterOptions = Awaited<ReturnType<typeof getFilterOptions>>;

// True when every flow, source and import the filter names is this account's.
export async function filterIsOwned(accountId: string, filter: LeadFilter): Promise<boolean> {
  const ids = { flowIds: [...new Set(filter.flowIds)], sourceIds: [...new Set(filter.sourceIds)], importIds: [...new Set(filter.importIds)] };
  const owned = await countOwnedIds(accountId, ids);
  return owned.flows === ids.flowIds.length && owned.sources === ids.sourceIds.length && owned.imports === ids.importIds.length;
}

// Reads the page's filters and returns one page of leads newest first; null (a 404) when the params
// are malformed or name another account's flow, source or import.
export async function getLeadsView(options: { accountId: string; timeZone: string; searchParams: SearchParams }) {
  const { accountId, timeZone, searchParams } = options;
  const params = parseLeadParams(searchParams);
  if (!params) return null;
  const filter = toLeadFilter(params, timeZone);
  if (!(await filterIsOwned(accountId, filter))) return null;
  const cursorParam = Array.isArray(searchParams.cursor) ? searchParams.cursor[0] : searchParams.cursor;
  const after = decodeCursor(cursorParam);
  const [rows, filterOptions] = await Promise.all([listLeads({ accountId, filter, after, limit: PAGE_SIZE + 1 }), getFilterOptions(accountId)]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    params,
    filter,
    isFirstPage: after === null,
    leads: page,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    options: filterOptions,
  };
}
