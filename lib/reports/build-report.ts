// Turns grouped counts into the table a person reads: names instead of ids, every day of the time
// frame present (empty days count zero), and a total that is the sum of the rows.
import type { GroupCount } from "./count-query";
import type { PingCounts } from "./ping-counts";
import type { GroupBy } from "./report-params";

export type ReportRow = GroupCount & { label: string };
// pings: the time frame's pings, apart from leads (ping-counts.ts); null or absent when the filter has no ping answer.
export type ReportTable = { groupBy: GroupBy; rows: ReportRow[]; totals: Omit<GroupCount, "key">; pings?: PingCounts | null };

export type Labels = { flows: Map<string, string>; sources: Map<string, string>; imports: Map<string, string> };

const OUTCOME_LABELS: Record<string, string> = { success: "Success", failure: "Failure", error: "Error" };

export function labelFor(groupBy: GroupBy, key: string, labels: Labels): string {
  switch (groupBy) {
    case "flow":
      return labels.flows.get(key) ?? "Deleted flow";
    case "source":
      return labels.sources.get(key) ?? "Deleted source";
    case "import":
      return key === "" ? "Not imported (real-time)" : (labels.imports.get(key) ?? key);
    case "reason":
      return key === "" ? "No reason" : key;
    case "outcome":
      return OUTCOME_LABELS[key] ?? key;
    case "day":
      return key;
  }
}

export function buildReport(options: { groupBy: GroupBy; counts: GroupCount[]; labels: Labels; days?: string[] }): ReportTable {
  const { groupBy, counts, labels } = options;
  let rows: GroupCount[] = counts;
  if (groupBy === "day") {
    const byDay = new Map(counts.map((c) => [c.key, c]));
    const days = options.days && options.days.length > 0 ? options.days : [];
    const extra = counts.filter((c) => !days.includes(c.key)).map((c) => c.key);
    rows = [...days, ...extra].sort().map((key) => byDay.get(key) ?? { key, submitted: 0, success: 0, failure: 0, error: 0, cost: 0 });
  }
  const totals = { submitted: 0, success: 0, failure: 0, error: 0, cost: 0 };
  for (const r of rows) {
    totals.submitted += r.submitted;
    totals.success += r.success;
    totals.failure += r.failure;
    totals.error += r.error;
    totals.cost += r.cost;
  }
  totals.cost = Math.round(totals.cost * 10_000) / 10_000;
  return { groupBy, rows: rows.map((r) => ({ ...r, label: labelFor(groupBy, r.key, labels) })), totals };
}
