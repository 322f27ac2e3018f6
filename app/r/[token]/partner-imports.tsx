import { DataTable } from "@/app/_components/data-table";
import { OutcomeBadge } from "@/app/_components/ui";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import type { SharedReport } from "@/lib/report-links/shared-report";
import { IMPORT_OUTCOMES_NOTE } from "@/lib/reports/import-outcomes-note";

type Imports = Extract<SharedReport, { kind: "partner" }>["imports"];

// A source's imports with their counts and the last lead each imported: where an import got to.
export function PartnerImports({ imports, timeZone, showContacts }: { imports: Imports; timeZone: string; showContacts: boolean }) {
  if (imports.length === 0) return <p className="text-sm text-slate-600">No imports in this time frame.</p>;
  return (
    <div className="overflow-x-auto">
      {/* What the counts mean, in the import page's words (issue #14). */}
      <p className="mb-2 text-sm text-slate-600">{IMPORT_OUTCOMES_NOTE}</p>
      <DataTable
        caption="Imports and the last lead each imported"
        rowClassName="align-top"
        rows={imports}
        rowKey={(i) => i.id}
        columns={[
          {
            header: "File",
            rowHeader: true,
            className: "font-medium",
            cell: (i) => (
              <>
                {i.fileName || i.id}
                <div className="font-normal text-slate-600">{formatDateTime(i.createdAt, timeZone)}</div>
              </>
            ),
          },
          { header: "Status", cell: (i) => i.status },
          { header: "Rows", numeric: true, cell: (i) => formatCount(i.rows) },
          { header: "Processed", numeric: true, cell: (i) => formatCount(i.processedRows) },
          {
            header: "Success / failure / error",
            numeric: true,
            cell: (i) => (
              <>
                {`${formatCount(i.outcomes.success)} / ${formatCount(i.outcomes.failure)} / ${formatCount(i.outcomes.error)}`}
                {i.notImported > 0 && <span className="block text-xs text-slate-600">{`${formatCount(i.notImported)} of the failures not imported`}</span>}
              </>
            ),
          },
          { header: `Last imported lead${showContacts ? "" : " (contacts masked)"}`, cell: (i) => <LastLead item={i} /> },
        ]}
      />
    </div>
  );
}

function LastLead({ item: i }: { item: Imports[number] }) {
  if (!i.lastLeadId) return <span className="text-slate-600">None yet</span>;
  return (
    <>
      <span className="font-mono text-xs">{i.lastLeadId}</span>, line {i.lastLine}
      <div className="flex flex-wrap items-center gap-2">
        {/* No outcome: the lead's month was dropped (LEAD_RETENTION_DAYS); the import's counts stay. */}
        {i.lastLeadOutcome ? <OutcomeBadge outcome={i.lastLeadOutcome} /> : <span className="text-slate-600">Lead no longer kept</span>}
        {i.lastLeadReason}
      </div>
      <div className="text-slate-700">{[i.lastLeadName, i.lastLeadEmail, i.lastLeadPhone].filter(Boolean).join(" · ")}</div>
    </>
  );
}
