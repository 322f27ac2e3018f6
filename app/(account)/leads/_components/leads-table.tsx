import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { OutcomeBadge } from "@/app/_components/ui";
import { contactLine, formatDateTimeZoned, formatMoney } from "@/lib/leads/format";
import type { LeadListRow } from "@/lib/leads/queries";

type Names = { flows: Map<string, string>; sources: Map<string, string>; imports: Map<string, string> };

export function LeadsTable({ leads, names, timeZone }: { leads: LeadListRow[]; names: Names; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={`Leads, newest first. Times in ${timeZone}.`}
        className="rounded-lg border border-slate-200 bg-white"
        rowClassName="align-top"
        rows={leads}
        rowKey={(lead) => lead.id}
        columns={[
          { header: "Submitted", className: "whitespace-nowrap tabular-nums", cell: (lead) => formatDateTimeZoned(lead.submittedAt, timeZone) },
          {
            header: "Lead",
            cell: (lead) => (
              <>
                <Link href={`/leads/${lead.id}`} className="font-mono text-xs text-blue-800 hover:underline">
                  {lead.id}
                </Link>
                <div className="text-slate-700">{contactLine(lead)}</div>
              </>
            ),
          },
          {
            header: "Flow / source",
            cell: (lead) => (
              <>
                {names.flows.get(lead.flowId) ?? "Deleted flow"}
                <div className="text-slate-600">{names.sources.get(lead.sourceId) ?? "Deleted source"}</div>
              </>
            ),
          },
          { header: "Outcome", cell: (lead) => <OutcomeBadge outcome={lead.outcome} /> },
          { header: "Reason", cell: (lead) => lead.reason },
          { header: "Price", numeric: true, cell: (lead) => formatMoney(lead.price) },
          { header: "Import", cell: (lead) => <ImportCell lead={lead} names={names} /> },
        ]}
      />
    </div>
  );
}

function ImportCell({ lead, names }: { lead: LeadListRow; names: Names }) {
  if (!lead.importId) return <span className="whitespace-nowrap text-slate-600">real-time</span>;
  return (
    <>
      <Link href={`/imports/${lead.importId}`} className="text-blue-800 hover:underline">
        {names.imports.get(lead.importId) ?? lead.importId}
      </Link>
      <div className="text-slate-600">line {lead.importLine}</div>
    </>
  );
}
