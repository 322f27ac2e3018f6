// The report table as CSV: one line per group, a total, and a line of pings when the report has them. Bounded by the number of groups (at most
// 1,000), never by the number of leads, so it is built in memory.
import { csvLine } from "@/lib/leads/csv";
import type { ReportTable } from "./build-report";
import { GROUP_LABELS } from "./report-params";

export function reportCsv(table: ReportTable): string {
  const lines = [csvLine([GROUP_LABELS[table.groupBy], "Submitted", "Success", "Failure", "Error", "Cost"])];
  for (const r of table.rows) lines.push(csvLine([r.label, r.submitted, r.success, r.failure, r.error, r.cost]));
  const t = table.totals;
  lines.push(csvLine(["Total", t.submitted, t.success, t.failure, t.error, t.cost]));
  // Pings are not leads: one line after the total, their counts under the same outcome columns, no cost.
  const p = table.pings;
  if (p) lines.push(csvLine(["Pings (not leads)", p.total, p.success, p.failure, p.error, ""]));
  return "\uFEFF" + lines.join("");
}
