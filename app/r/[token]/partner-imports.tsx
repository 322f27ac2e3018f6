import { OutcomeBadge } from "@/app/_components/ui";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import type { SharedReport } from "@/lib/report-links/shared-report";

type Imports = Extract<SharedReport, { kind: "partner" }>["imports"];

// A source's imports with their counts and the last lead each imported: where an import got to.
export function PartnerImports({ imports, timeZone, showContacts }: { imports: Imports; timeZone: string; showContacts: boolean }) {
  if (imports.length === 0) return <p className="text-sm text-slate-600">No imports in this time frame.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Imports and the last lead each imported</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">File</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Rows</th>
            <th scope="col" className="px-3 py-2 text-right">Processed</th>
            <th scope="col" className="px-3 py-2 text-right">Success / failure / error</th>
            <th scope="col" className="px-3 py-2">Last imported lead{showContacts ? "" : " (contacts masked)"}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {i.fileName || i.id}
                <div className="font-normal text-slate-600">{formatDateTime(i.createdAt, timeZone)}</div>
              </th>
              <td className="px-3 py-2">{i.status}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(i.rows)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(i.processedRows)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatCount(i.successCount)} / {formatCount(i.failureCount)} / {formatCount(i.errorCount)}
              </td>
              <td className="px-3 py-2">
                {i.lastLeadId ? (
                  <>
                    <span className="font-mono text-xs">{i.lastLeadId}</span>, line {i.lastLine}
                    <div className="flex flex-wrap items-center gap-2">
                      {i.lastLeadOutcome && <OutcomeBadge outcome={i.lastLeadOutcome} />}
                      {i.lastLeadReason}
                    </div>
                    <div className="text-slate-700">{[i.lastLeadName, i.lastLeadEmail, i.lastLeadPhone].filter(Boolean).join(" · ")}</div>
                  </>
                ) : (
                  <span className="text-slate-600">None yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
