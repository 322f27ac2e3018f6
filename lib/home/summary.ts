// The home page's lead numbers from a report's per-day counts: today and the last 7 days, by outcome.
// Pure, so the arithmetic is unit-tested without a database.
import { formatCount } from "@/lib/leads/format";
import type { GroupCount } from "@/lib/reports/count-query";

export type OutcomeTotals = { submitted: number; success: number; failure: number; error: number };

const zero = (): OutcomeTotals => ({ submitted: 0, success: 0, failure: 0, error: 0 });

function add(into: OutcomeTotals, day: GroupCount) {
  into.submitted += day.submitted;
  into.success += day.success;
  into.failure += day.failure;
  into.error += day.error;
}

// `days` are grouped by day ("YYYY-MM-DD" on the account's clock) over the last 7 days; today is the
// day key of now on that same clock.
export function leadTotals(days: readonly GroupCount[], todayKey: string): { today: OutcomeTotals; week: OutcomeTotals } {
  const today = zero();
  const week = zero();
  for (const day of days) {
    add(week, day);
    if (day.key === todayKey) add(today, day);
  }
  return { today, week };
}

// An import's rows by outcome in the import page's words ("How far it got", issue #14): a row not
// imported is one of the failures. Null before any row has an outcome (a staged file, say).
export function importOutcomesText(imp: { outcomes: { success: number; failure: number; error: number }; notImported: number }): string | null {
  const { success, failure, error } = imp.outcomes;
  if (success + failure + error === 0) return null;
  const notImported = imp.notImported > 0 ? ` (${formatCount(imp.notImported)} of them not imported)` : "";
  return `${formatCount(success)} success, ${formatCount(failure)} failure${notImported}, ${formatCount(error)} error`;
}
