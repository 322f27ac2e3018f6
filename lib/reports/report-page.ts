import "server-only";
import type { SearchParams } from "@/lib/leads/filters";
import { listReportLinks } from "@/lib/report-links/service";
import { getReport } from "./report";

// What /reports shows: the report for its params and the account's live shared links; null is a 404.
export async function getReportPage(options: { accountId: string; timeZone: string; searchParams: SearchParams }) {
  const [report, links] = await Promise.all([getReport(options), listReportLinks(options.accountId)]);
  return report ? { ...report, links } : null;
}
