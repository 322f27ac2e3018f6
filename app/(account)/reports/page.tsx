import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PingCountsLine } from "@/app/_components/report/ping-counts";
import { ReportTotals, ReportView } from "@/app/_components/report/report-view";
import { Card, PageHeader } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { toQueryString, type SearchParams } from "@/lib/leads/filters";
import { droppedLeadsSentence } from "@/lib/leads/retention";
import type { ReportRow } from "@/lib/reports/build-report";
import { getReportPage } from "@/lib/reports/report-page";
import type { ReportParams } from "@/lib/reports/report-params";
import { LeadFilterForm } from "../leads/_components/lead-filter-form";
import { SharedLinks } from "./_components/shared-links";
import { ShareForm } from "./_components/share-form";

export const metadata: Metadata = { title: "Reports" };

// The Leads view's filter for one row of the report: the same leads, listed.
function rowHref(params: ReportParams, row: ReportRow): string | null {
  const base = { ...params, group: undefined };
  switch (params.group) {
    case "day":
      return `/leads${toQueryString(base, { range: "custom", from: row.key, to: row.key })}`;
    case "reason":
    case "import":
      return row.key === "" ? null : `/leads${toQueryString(base, { [params.group]: row.key })}`;
    default:
      return `/leads${toQueryString(base, { [params.group]: row.key })}`;
  }
}

// Counts of submitted, successful, failed and errored leads and their cost, grouped, for a time frame.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const holder = await requirePermission("read");
  const page = await getReportPage({ accountId: holder.accountId, timeZone: holder.timeZone, searchParams: await searchParams });
  if (!page) notFound();
  const { params, table, options, links } = page;
  const dropped = droppedLeadsSentence(env.LEAD_RETENTION_DAYS);
  const names = { flows: new Map(options.flows.map((f) => [f.id, f.name])), sources: new Map(options.sources.map((s) => [s.id, s.name])) };
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Counts of submitted, successful, failed and errored leads, and what they cost. Days in ${holder.timeZone}.`}
        actions={
          <a href={`/reports/export${toQueryString(params)}`} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-blue-800 hover:bg-slate-50">
            Export CSV
          </a>
        }
      />
      {/* LEAD_RETENTION_DAYS: the daily totals outlive the leads; a report that counts leads (a field value, a search) cannot. */}
      {dropped && (
        <p className="mb-4 text-sm text-slate-600" data-testid="leads-retention">
          {dropped} A report filtered by a field value or a search counts the leads themselves, so it leaves them out.
        </p>
      )}
      <LeadFilterForm action="/reports" params={params} options={options} mode="report" />
      <ReportTotals totals={table.totals} />
      <ReportView table={table} rowHref={(row) => rowHref(params, row)} />
      <PingCountsLine pings={table.pings} />
      {/* Shared links and their URLs are for roles that may share: a viewer reads the report only. */}
      {can(holder.role, "reports:share") && (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-3 text-lg font-medium">Share this report</h2>
            <p className="mb-3 text-sm text-slate-600">
              Anyone with the link sees the counts, read-only, and can change only the time frame. No login; no lead data beyond the partner report&apos;s last imported lead.
            </p>
            <ShareForm scope={{ ...params, batch: params.batch !== undefined }} sources={options.sources} />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-medium">Shared links</h2>
            <SharedLinks links={links} names={names} />
          </Card>
        </div>
      )}
    </>
  );
}
