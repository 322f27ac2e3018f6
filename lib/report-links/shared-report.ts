import "server-only";
import type { SearchParams } from "@/lib/leads/filters";
import { rowOutcomes } from "@/lib/imports/report/row-outcomes";
import { maskEmail, maskName, maskPhone } from "@/lib/leads/mask";
import { resolveTimeFrame, timeFrameSchema } from "@/lib/leads/time-range";
import { getFilterOptions } from "@/lib/leads/view";
import { listImportSummariesForSource } from "@/lib/reports/queries";
import { labelsFrom, reportTable } from "@/lib/reports/report";
import { scopeFilter } from "./scope";
import { findSharedLink } from "./service";

const pickOutcomes = ({ outcomes, notImported }: ReturnType<typeof rowOutcomes>) => ({ outcomes, notImported });

// What /r/{token} shows for the viewer's time frame (the only thing the viewer can change), or null
// for a token that is not a live link. Every query runs with the link's own account id.
export async function openSharedReport(token: string, searchParams: SearchParams) {
  const link = await findSharedLink(token);
  if (!link) return null;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const frame = timeFrameSchema.parse({ range: first(searchParams.range), from: first(searchParams.from), to: first(searchParams.to) });
  const bounds = resolveTimeFrame(frame, link.timeZone);
  const filter = scopeFilter(link.scope, bounds);
  const options = await getFilterOptions(link.accountId);
  const labels = labelsFrom(options);
  const common = { name: link.name, accountName: link.accountName, timeZone: link.timeZone, frame };
  if (link.scope.kind === "report") {
    const { scope } = link;
    const table = await reportTable({ accountId: link.accountId, filter, groupBy: scope.groupBy, timeZone: link.timeZone, labels });
    return {
      ...common,
      kind: "report" as const,
      scope: {
        flows: scope.flowIds.map((id) => labels.flows.get(id) ?? "Deleted flow"),
        sources: scope.sourceIds.map((id) => labels.sources.get(id) ?? "Deleted source"),
        outcomes: scope.outcomes,
        batchOnly: scope.batchOnly,
        fields: scope.fields,
      },
      table,
    };
  }
  const { sourceId, showContacts } = link.scope;
  const [table, imports] = await Promise.all([
    reportTable({ accountId: link.accountId, filter, groupBy: "reason", timeZone: link.timeZone, labels }),
    listImportSummariesForSource({ accountId: link.accountId, sourceId, bounds }),
  ]);
  return {
    ...common,
    kind: "partner" as const,
    sourceName: labels.sources.get(sourceId) ?? "Deleted source",
    table,
    showContacts,
    // Rows by outcome as the import's own page, the import JSON and results.csv count them (issue #14):
    // rows not imported are failures. The raw counters stay behind: they would say otherwise.
    imports: imports.map(({ lastLeadEmail, lastLeadPhone, lastLeadName, successCount, failureCount, errorCount, skippedRows, ...summary }) => ({
      ...summary,
      ...pickOutcomes(rowOutcomes({ ...summary, successCount, failureCount, errorCount, skippedRows })),
      lastLeadEmail: showContacts ? lastLeadEmail : maskEmail(lastLeadEmail),
      lastLeadPhone: showContacts ? lastLeadPhone : maskPhone(lastLeadPhone),
      lastLeadName: showContacts ? lastLeadName : maskName(lastLeadName),
    })),
  };
}
export type SharedReport = NonNullable<Awaited<ReturnType<typeof openSharedReport>>>;
