import "server-only";
import type { LeadFilter, SearchParams } from "@/lib/leads/filters";
import { toLeadFilter } from "@/lib/leads/filters";
import { dayKeys } from "@/lib/leads/time-range";
import { filterIsOwned, getFilterOptions, type FilterOptions } from "@/lib/leads/view";
import { buildReport, type Labels } from "./build-report";
import { pingScope } from "./ping-counts";
import { countLeadsByGroup, countPings } from "./queries";
import { parseReportParams, type GroupBy } from "./report-params";

export function labelsFrom(options: FilterOptions): Labels {
  return {
    flows: new Map(options.flows.map((f) => [f.id, f.name])),
    sources: new Map(options.sources.map((s) => [s.id, s.name])),
    imports: new Map(options.imports.map((i) => [i.id, i.name])),
  };
}

// The counts table for a filter, labelled: used by the account holder's report and shared links.
export async function reportTable(options: { accountId: string; filter: LeadFilter; groupBy: GroupBy; timeZone: string; labels: Labels }) {
  const { accountId, filter, groupBy, timeZone, labels } = options;
  const scope = pingScope(filter, timeZone);
  const [counts, pings] = await Promise.all([countLeadsByGroup({ accountId, filter, groupBy, timeZone }), scope ? countPings(accountId, scope) : null]);
  return { ...buildReport({ groupBy, counts, labels, days: groupBy === "day" ? dayKeys(filter.bounds, timeZone) : undefined }), pings };
}

// The report page: null (a 404) when the params are malformed or name another account's ids.
export async function getReport(options: { accountId: string; timeZone: string; searchParams: SearchParams }) {
  const { accountId, timeZone, searchParams } = options;
  const params = parseReportParams(searchParams);
  if (!params) return null;
  const filter = toLeadFilter(params, timeZone);
  if (!(await filterIsOwned(accountId, filter))) return null;
  const filterOptions = await getFilterOptions(accountId);
  const table = await reportTable({ accountId, filter, groupBy: params.group, timeZone, labels: labelsFrom(filterOptions) });
  return { params, filter, table, options: filterOptions };
}
