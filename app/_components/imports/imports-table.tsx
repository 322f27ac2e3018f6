import Link from "next/link";
import { DataTable, type Column } from "@/app/_components/data-table";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import type { ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { STATUS_LABELS } from "@/lib/imports/wizard-labels";
import { importPagePath } from "@/lib/imports/wizard-scope";

// Imports newest first, each linking to its page: all of an account's for holders, one source's
// own on its docs link.
export function ImportsTable({ caller, imports, showTarget }: { caller: WizardCaller; imports: ImportView[]; showTarget: boolean }) {
  const target: Column<ImportView> = {
    header: "Flow · source",
    cell: (i) => (i.flowId && i.sourceId ? `${caller.names.flows.get(i.flowId) ?? "?"} · ${caller.names.sources.get(i.sourceId) ?? "?"}` : "From the file's columns"),
  };
  const columns: Array<Column<ImportView>> = [
    {
      header: "File",
      cell: (i) => (
        <Link href={importPagePath(caller.scope, i.id)} className="font-medium text-blue-800 underline">
          {i.fileName || i.id}
        </Link>
      ),
    },
    ...(showTarget ? [target] : []),
    { header: "Status", cell: (i) => STATUS_LABELS[i.status] },
    { header: "Rows", numeric: true, cell: (i) => (i.status === "importing" ? `${formatCount(i.processed)} of ${formatCount(i.rows)}` : formatCount(i.rows)) },
    {
      header: "Success / failure / error",
      numeric: true,
      cell: (i) => (
        <>
          {formatCount(i.outcomes.success)} / {formatCount(i.outcomes.failure)} / {formatCount(i.outcomes.error)}
          {i.notImported > 0 && <span className="block text-xs text-slate-600">{formatCount(i.notImported)} of the failures not imported</span>}
        </>
      ),
    },
    { header: `Created (${caller.timeZone})`, className: "tabular-nums", cell: (i) => formatDateTime(new Date(i.createdAt), caller.timeZone) },
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <DataTable caption="Imports, newest first" columns={columns} rows={imports} rowKey={(i) => i.id} />
    </div>
  );
}
