import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PingCountsLine } from "@/app/_components/report/ping-counts";
import { ReportTotals, ReportView } from "@/app/_components/report/report-view";
import { TimeFrameFields } from "@/app/_components/time-frame-fields";
import { Card } from "@/app/_components/ui";
import type { SearchParams } from "@/lib/leads/filters";
import { openSharedReport } from "@/lib/report-links/shared-report";
import { PartnerImports } from "./partner-imports";

// Tokens are secrets: keep shared reports out of search engines and out of Referer headers.
export const metadata: Metadata = { title: "Shared report", robots: { index: false, follow: false }, referrer: "no-referrer" };

// A shared report, no login: read-only, the link's scope only, the viewer may change the time frame.
export default async function SharedReportPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const { token } = await params;
  const report = await openSharedReport(token, await searchParams);
  if (!report) notFound();
  const title = report.name || (report.kind === "partner" ? `Partner report: ${report.sourceName}` : "Shared report");
  const scopeText =
    report.kind === "partner"
      ? `Leads from ${report.sourceName}, by reason.`
      : `${[...report.scope.flows, ...report.scope.sources].join(", ")}${report.scope.outcomes.length ? ` (${report.scope.outcomes.join(", ")} only)` : ""}${report.scope.batchOnly ? ", batch leads only" : ""}.`;
  return (
    <>
      <header className="bg-blue-900 text-white">
        <div className="mx-auto max-w-6xl px-4 py-3 text-lg font-semibold">Leadport</div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Shared by {report.accountName}. {scopeText} Days in {report.timeZone}.
        </p>
        <form method="get" aria-label="Choose the time frame" className="my-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TimeFrameFields frame={report.frame} idPrefix="shared" />
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
            Show
          </button>
        </form>
        <ReportTotals totals={report.table.totals} />
        <ReportView table={report.table} />
        <PingCountsLine pings={report.table.pings} />
        {report.kind === "partner" && (
          <Card className="mt-8">
            <h2 className="mb-3 text-lg font-medium">Imports</h2>
            <PartnerImports imports={report.imports} timeZone={report.timeZone} showContacts={report.showContacts} />
          </Card>
        )}
      </main>
    </>
  );
}
