import "server-only";
import type { SearchParams } from "@/lib/leads/filters";
import { getReport } from "./report";
import { reportCsv } from "./report-csv";

// The report page's table as CSV; null (a 404) for malformed params or another account's ids.
export async function exportReportCsv(options: { accountId: string; timeZone: string; searchParams: SearchParams }): Promise<string | null> {
  const report = await getReport(options);
  return report ? reportCsv(report.table) : null;
}
