import Link from "next/link";
import { DataTable, type Column } from "@/app/_components/data-table";
import { Card, OutcomeBadge } from "@/app/_components/ui";
import { formatCount } from "@/lib/leads/format";
import { rowAndLine } from "@/lib/imports/report/row-label";
import { getImportResults, type ReasonCount } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { importPagePath } from "@/lib/imports/wizard-scope";
import { PagingLinks } from "./paging-links";

// The summary's two tables: counts by outcome and reason, and the failed (or error) rows, a page at
// a time by line, each with its lead (a link for account holders) and reason.

const RESULTS_PAGE = 50;

const reasonColumns: Array<Column<ReasonCount>> = [
  { header: "Outcome", cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
  { header: "Reason", cell: (r) => r.reason || "—" },
  { header: "Rows", numeric: true, cell: (r) => formatCount(r.count) },
];

export function ByReasonCard({ byReason }: { byReason: ReasonCount[] }) {
  return (
    <Card id="by-reason" title="By outcome and reason">
      <DataTable caption="Rows by outcome and reason" columns={reasonColumns} rows={byReason} rowKey={(_, i) => i} padding="compact" className="mt-3" />
    </Card>
  );
}

const filterClass = "text-blue-800 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline";

export async function FailedRowsCard({ caller, id, after, outcome }: { caller: WizardCaller; id: string; after: number; outcome: "failure" | "error" }) {
  const answer = await getImportResults(caller.access, id, { after, limit: RESULTS_PAGE, outcome });
  const gone = answer && "status" in answer ? answer : null;
  const results = Array.isArray(answer) ? answer : [];
  const title = outcome === "error" ? "Rows with errors" : "Failed rows";
  const pageOf = (next?: number) => importPagePath(caller.scope, id, { after: next, outcome: outcome === "error" ? "error" : undefined });
  const last = results.at(-1)?.line;
  return (
    <Card id="failed-rows" title={title}>
      <p className="mt-1 text-sm">
        Show:{" "}
        <Link href={importPagePath(caller.scope, id)} aria-current={outcome === "failure" ? "page" : undefined} className={filterClass}>
          failed rows
        </Link>{" "}
        ·{" "}
        <Link href={importPagePath(caller.scope, id, { outcome: "error" })} aria-current={outcome === "error" ? "page" : undefined} className={filterClass}>
          rows with errors
        </Link>
      </p>
      {gone ? (
        <p className="mt-3 text-sm text-slate-600">{gone.message}</p>
      ) : results.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">None.</p>
      ) : (
        <DataTable
          caption={`${title}: row and line, lead and reason`}
          className="mt-3"
          padding="compact"
          rows={results}
          rowKey={(r) => r.line}
          columns={[
            { header: "Row, line", className: "tabular-nums whitespace-nowrap", cell: (r) => rowAndLine(r.row, r.line) },
            {
              header: "Lead",
              className: "font-mono text-xs",
              cell: (r) =>
                r.leadId && caller.scope.kind === "holder" ? (
                  <Link href={`/leads/${r.leadId}`} className="text-blue-800 underline">
                    {r.leadId}
                  </Link>
                ) : (
                  (r.leadId ?? "—")
                ),
            },
            { header: "Reason", cell: (r) => r.reason },
          ]}
        />
      )}
      <PagingLinks label="Result pages" first={after > 0 ? pageOf() : null} next={results.length === RESULTS_PAGE && last ? pageOf(last) : null} />
    </Card>
  );
}
