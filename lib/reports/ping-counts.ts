// Pings (price requests, lib/intake/ping.ts) for a report: counted per day in ping_daily_counts, apart
// from leads. A ping keeps its flow, source, day and outcome only, so a filter on anything else
// (import, batch, reason, field values, search) has no ping answer: null, and the report shows none.
// Days are the account's; a time frame that is not whole days counts the whole days it touches.
import type { Outcome } from "@/lib/flow/model";
import type { LeadFilter } from "@/lib/leads/filters";
import { wallDateKey } from "@/lib/leads/time-range";

export type PingCounts = { total: number; success: number; failure: number; error: number };

/** Inclusive first and last day (YYYY-MM-DD), null for an open end, and the filters pings keep. */
export type PingScope = { firstDay: string | null; lastDay: string | null; flowIds: string[]; sourceIds: string[]; outcomes: Outcome[] };

export function pingScope(filter: LeadFilter, timeZone: string): PingScope | null {
  if (filter.importIds.length > 0 || filter.batchOnly || filter.reasons.length > 0 || filter.fields.length > 0 || filter.search !== null) return null;
  const { from, to } = filter.bounds;
  return {
    firstDay: from ? wallDateKey(from, timeZone) : null,
    lastDay: to ? wallDateKey(new Date(to.getTime() - 1), timeZone) : null,
    flowIds: filter.flowIds,
    sourceIds: filter.sourceIds,
    outcomes: filter.outcomes,
  };
}

export function pingCountsOf(rows: Array<{ outcome: Outcome; count: number }>): PingCounts {
  const counts: PingCounts = { total: 0, success: 0, failure: 0, error: 0 };
  for (const r of rows) {
    counts[r.outcome] += r.count;
    counts.total += r.count;
  }
  return counts;
}
