import Link from "next/link";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import type { ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { STATUS_LABELS } from "@/lib/imports/wizard-labels";
import { importPagePath } from "@/lib/imports/wizard-scope";

// Imports newest first, each linking to its page: all of an account's for holders, one source's
// own on its docs link.
export function ImportsTable({ caller, imports, showTarget }: { caller: WizardCaller; imports: ImportView[]; showTarget: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Imports, newest first</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">File</th>
            {showTarget && <th scope="col" className="px-3 py-2">Flow · source</th>}
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Rows</th>
            <th scope="col" className="px-3 py-2 text-right">Success / failure / error</th>
            <th scope="col" className="px-3 py-2">Created ({caller.timeZone})</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id} className="border-t border-slate-200">
              <td className="px-3 py-2">
                <Link href={importPagePath(caller.scope, i.id)} className="font-medium text-blue-800 underline">
                  {i.fileName || i.id}
                </Link>
              </td>
              {showTarget && (
                <td className="px-3 py-2">
                  {i.flowId && i.sourceId ? `${caller.names.flows.get(i.flowId) ?? "?"} · ${caller.names.sources.get(i.sourceId) ?? "?"}` : "From the file's columns"}
                </td>
              )}
              <td className="px-3 py-2">{STATUS_LABELS[i.status]}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {i.status === "importing" ? `${formatCount(i.processed)} of ${formatCount(i.rows)}` : formatCount(i.rows)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatCount(i.outcomes.success)} / {formatCount(i.outcomes.failure)} / {formatCount(i.outcomes.error)}
                {i.notImported > 0 && <span className="block text-xs text-slate-600">{formatCount(i.notImported)} not imported</span>}
              </td>
              <td className="px-3 py-2 tabular-nums">{formatDateTime(new Date(i.createdAt), caller.timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
