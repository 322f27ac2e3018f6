// When a report can be counted from lead_daily_counts (the per-day rollup kept by triggers on leads,
// see drizzle/0005_report_rollup_trigger.sql) instead of the leads themselves, and the rollup's
// version of the filter. The rollup answers exactly when the time frame is whole days on the
// account's clock and every other filter is a column it keeps; otherwise reports count leads.
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { leadDailyCounts } from "@/db/schema";
import type { LeadFilter } from "@/lib/leads/filters";
import { startOfWallDate, wallDateKey } from "@/lib/leads/time-range";

// Wall-clock dates (YYYY-MM-DD), half-open like the bounds they come from; null is an open end.
export type DayRange = { from: string | null; to: string | null };

// Every part of a lead filter, and whether the rollup can apply it. A Record over the filter's keys:
// a filter added to LeadFilter does not compile until it is decided here.
const ROLLUP_APPLIES: Record<keyof LeadFilter, (filter: LeadFilter) => boolean> = {
  bounds: () => true, // checked by dayOf: whole days only
  flowIds: () => true,
  sourceIds: () => true,
  importIds: () => true,
  outcomes: () => true,
  reasons: () => true,
  batchOnly: () => true,
  fields: (f) => f.fields.length === 0, // lead field values are not in the rollup
  search: (f) => f.search === null, // a search picks single leads
};

// The date an instant starts on the account's clock, or undefined when it is not a day's first instant.
function dayOf(at: Date | null, timeZone: string): string | null | undefined {
  if (at === null) return null;
  const key = wallDateKey(at, timeZone);
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  return startOfWallDate(year, month, day, timeZone).getTime() === at.getTime() ? key : undefined;
}

// The days to read from the rollup, or null when it cannot answer this filter exactly. timeZone must
// be the account's (accounts.time_zone), the zone the rollup's days are in.
export function rollupDays(filter: LeadFilter, timeZone: string): DayRange | null {
  for (const applies of Object.values(ROLLUP_APPLIES)) if (!applies(filter)) return null;
  const from = dayOf(filter.bounds.from, timeZone);
  const to = dayOf(filter.bounds.to, timeZone);
  if (from === undefined || to === undefined) return null;
  return { from, to };
}

const oneOrMany = <T extends string>(column: Parameters<typeof eq>[0], values: T[]): SQL | undefined =>
  values.length === 0 ? undefined : values.length === 1 ? eq(column, values[0]) : inArray(column, values);

// lib/leads/lead-where.ts for the rollup: the same conditions on the same columns, days for instants.
export function rollupWhere(accountId: string, filter: LeadFilter, days: DayRange): SQL {
  const conditions: Array<SQL | undefined> = [
    eq(leadDailyCounts.accountId, accountId),
    days.from ? gte(leadDailyCounts.day, days.from) : undefined,
    days.to ? lt(leadDailyCounts.day, days.to) : undefined,
    oneOrMany(leadDailyCounts.flowId, filter.flowIds),
    oneOrMany(leadDailyCounts.sourceId, filter.sourceIds),
    oneOrMany(leadDailyCounts.importId, filter.importIds),
    oneOrMany(leadDailyCounts.outcome, filter.outcomes),
    oneOrMany(leadDailyCounts.reason, filter.reasons),
    filter.batchOnly ? eq(leadDailyCounts.isBatchLead, true) : undefined,
  ];
  return and(...conditions)!;
}
