import Link from "next/link";
import { OutcomeBadge } from "@/app/_components/ui";
import { formatDateTime, formatMoney } from "@/lib/leads/format";
import type { LeadListRow } from "@/lib/leads/queries";

type Names = { flows: Map<string, string>; sources: Map<string, string>; imports: Map<string, string> };

export function LeadsTable({ leads, names, timeZone }: { leads: LeadListRow[]; names: Names; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">Leads, newest first</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">Submitted</th>
            <th scope="col" className="px-3 py-2">Lead</th>
            <th scope="col" className="px-3 py-2">Flow / source</th>
            <th scope="col" className="px-3 py-2">Outcome</th>
            <th scope="col" className="px-3 py-2">Reason</th>
            <th scope="col" className="px-3 py-2 text-right">Price</th>
            <th scope="col" className="px-3 py-2">Import</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id} className="border-t border-slate-200 align-top">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(lead.submittedAt, timeZone)}</td>
              <td className="px-3 py-2">
                <Link href={`/leads/${lead.id}`} className="font-mono text-xs text-blue-800 hover:underline">
                  {lead.id}
                </Link>
                <div className="text-slate-700">{[lead.name, lead.email, lead.phone].filter(Boolean).join(" · ")}</div>
              </td>
              <td className="px-3 py-2">
                {names.flows.get(lead.flowId) ?? "Deleted flow"}
                <div className="text-slate-600">{names.sources.get(lead.sourceId) ?? "Deleted source"}</div>
              </td>
              <td className="px-3 py-2">
                <OutcomeBadge outcome={lead.outcome} />
              </td>
              <td className="px-3 py-2">{lead.reason}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(lead.price)}</td>
              <td className="px-3 py-2">
                {lead.importId ? (
                  <>
                    <Link href={`/imports/${lead.importId}`} className="text-blue-800 hover:underline">
                      {names.imports.get(lead.importId) ?? lead.importId}
                    </Link>
                    <div className="text-slate-600">line {lead.importLine}</div>
                  </>
                ) : (
                  <span className="whitespace-nowrap text-slate-600">real-time</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
