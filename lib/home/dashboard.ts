import "server-only";
import { parseLeadParams, toLeadFilter } from "@/lib/leads/filters";
import { wallDateKey } from "@/lib/leads/time-range";
import { rowOutcomes } from "@/lib/imports/report/row-outcomes";
import { countLeadsByGroup } from "@/lib/reports/queries";
import { listFlowsWithLastLead, listRecentImports, listRunningImports, type HomeImportRow } from "./queries";
import { leadTotals } from "./summary";

// An import as the home page shows it, in the shape the import pages' live progress reads, its rows
// counted by outcome as the import's page, the import JSON and results.csv count them (issue #14).
function toHomeImport(row: HomeImportRow) {
  const { outcomes, notImported } = rowOutcomes(row);
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    rows: row.rows,
    validated: row.validated,
    processed: row.processedRows,
    invalid: Math.max(row.invalidRows, row.unreadableRows),
    duplicates: row.duplicates,
    outcomes,
    notImported,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}
export type HomeImport = ReturnType<typeof toHomeImport>;

// Everything the home page shows, one query per box: leads today and in the last 7 days by outcome
// (from the report rollup, grouped by day on the account's clock), imports running now, the latest
// imports, and each flow with the time of its last lead. Counts and names only: nothing secret.
export async function getHomeData(options: { accountId: string; timeZone: string; now?: Date }) {
  const { accountId, timeZone, now = new Date() } = options;
  const filter = toLeadFilter(parseLeadParams({ range: "last_7_days" })!, timeZone, now);
  const [days, running, recent, flows] = await Promise.all([
    countLeadsByGroup({ accountId, filter, groupBy: "day", timeZone }),
    listRunningImports(accountId),
    listRecentImports(accountId),
    listFlowsWithLastLead(accountId),
  ]);
  return {
    leads: leadTotals(days, wallDateKey(now, timeZone)),
    running: running.map(toHomeImport),
    recent: recent.map(toHomeImport),
    flows,
  };
}
export type HomeData = Awaited<ReturnType<typeof getHomeData>>;
