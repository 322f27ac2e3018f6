import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, type Column } from "@/app/_components/data-table";
import { Card, OutcomeBadge, PageHeader } from "@/app/_components/ui";
import { requirePermission } from "@/lib/auth/session";
import { contactLine, formatDateTimeZoned, formatMoney } from "@/lib/leads/format";
import { getLeadDetail } from "@/lib/leads/lead-detail";

export const metadata: Metadata = { title: "Lead" };

type FieldRow = NonNullable<Awaited<ReturnType<typeof getLeadDetail>>>["fields"][number];

const fieldColumns: Array<Column<FieldRow>> = [
  {
    header: "Field",
    rowHeader: true,
    className: "font-medium",
    // The id beside the label only when it says something more ("Phone 2 phone_2", never "phone_2 phone_2").
    cell: (f) => (
      <>
        {f.label}
        {/* A real space, so copied text and screen readers say "Phone 2 phone_2", not "Phone 2phone_2". */}
        {f.label !== f.id && <> <code className="text-xs font-normal text-slate-600">{f.id}</code></>}
      </>
    ),
  },
  { header: "Submitted", className: "break-all", cell: (f) => f.submitted },
  { header: "Normalized", className: "break-all", cell: (f) => f.normal },
  { header: "Valid", cell: (f) => (f.valid ? "Yes" : "No") },
];

// One lead: what was submitted and what it normalized to (by label, in the flow's field order), and a
// timeline of each step it went through.
export default async function LeadPage({ params }: { params: Promise<{ leadId: string }> }) {
  const { leadId } = await params;
  const holder = await requirePermission("read");
  const detail = await getLeadDetail(holder.accountId, leadId);
  if (!detail) notFound();
  const { lead, fields, events, totalFields, hiddenFields } = detail;
  const cut = fields.some((f) => f.truncated);
  const summary: Array<[string, React.ReactNode]> = [
    ["Submitted", `${formatDateTimeZoned(lead.submittedAt, holder.timeZone)} (${holder.timeZone})`],
    ["Flow", <Link key="flow" href={`/flows/${lead.flowId}`} className="text-blue-800 hover:underline">{lead.flowName ?? "Deleted flow"}</Link>],
    ["Source", lead.sourceName ?? "Deleted source"],
    ["Outcome", <OutcomeBadge key="outcome" outcome={lead.outcome} />],
    ["Reason", lead.reason ?? "—"],
    ["Price", formatMoney(lead.price)],
    ["Import", lead.importId ? `${lead.importFileName || lead.importId}, line ${lead.importLine}` : "Real-time"],
    ["Batch lead", lead.isBatchLead ? "Yes" : "No"],
    ["Test lead", lead.isTest ? "Yes" : "No"],
  ];
  return (
    <>
      <PageHeader title={`Lead ${lead.id}`} description={contactLine(lead)} />
      <p className="mb-4 text-sm">
        <Link href="/leads" className="text-blue-800 hover:underline">
          Back to leads
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <h2 className="mb-3 text-lg font-medium">Summary</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {summary.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <h2 id="timeline" className="mb-1 text-lg font-medium">Timeline</h2>
          <p className="mb-3 text-sm text-slate-600">Each step the lead went through, in order. Times in {holder.timeZone}.</p>
          {events.length === 0 ? (
            <p className="text-sm text-slate-600">No steps were recorded for this lead.</p>
          ) : (
            <ol aria-labelledby="timeline" className="relative space-y-3 border-l-2 border-slate-200 pl-5 text-sm">
              {events.map((e) => (
                <li key={e.position}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{e.step}</span>
                    <OutcomeBadge outcome={e.outcome} />
                    <time dateTime={e.ranAt.toISOString()} className="tabular-nums text-slate-600">
                      {formatDateTimeZoned(e.ranAt, holder.timeZone)}
                    </time>
                    <span className="text-slate-600">({e.durationMs.toFixed(1)} ms)</span>
                  </div>
                  <p className="text-slate-700">{e.reason ?? "No reason given"}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-medium">Data</h2>
        <p className="mb-3 text-sm text-slate-600">
          Sensitive fields (SSN, credentials, date of birth) were masked when the lead was stored and stay masked here.{" "}
          {/* Underlined: a link inside a sentence must not be told apart by colour alone (WCAG 1.4.1). */}
          <a href={`/leads/${lead.id}/lead.json`} download className="text-blue-800 underline">
            Download the whole lead as JSON
          </a>
        </p>
        {(hiddenFields > 0 || cut) && (
          <p role="status" className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            {hiddenFields > 0 ? `Showing ${fields.length} of ${totalFields} fields. ` : ""}
            {cut ? "Long values are cut at 200 characters (…). " : ""}
            The JSON download has every field in full.
          </p>
        )}
        <div className="overflow-x-auto">
          <DataTable columns={fieldColumns} rows={fields} rowKey={(f) => f.id} />
        </div>
      </Card>
    </>
  );
}
