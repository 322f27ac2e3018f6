import Link from "next/link";
import { Card, OutcomeBadge } from "@/app/_components/ui";
import { formatCount } from "@/lib/leads/format";
import { getImportResults, type ReasonCount } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { importPagePath } from "@/lib/imports/wizard-scope";
import { PagingLinks } from "./paging-links";

// The summary's two tables: counts by outcome and reason, and the failed (or error) rows, a page at
// a time by line, each with its lead (a link for account holders) and reason.

const RESULTS_PAGE = 50;

export function ByReasonCard({ byReason }: { byReason: ReasonCount[] }) {
  return (
    <Card id="by-reason" title="By outcome and reason">
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Rows by outcome and reason</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">Outcome</th>
            <th scope="col" className="px-3 py-2">Reason</th>
            <th scope="col" className="px-3 py-2 text-right">Rows</th>
          </tr>
        </thead>
        <tbody>
          {byReason.map((r, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="px-3 py-1.5">
                <OutcomeBadge outcome={r.outcome} />
              </td>
              <td className="px-3 py-1.5">{r.reason || "—"}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

const filterClass = "text-blue-800 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline";

export async function FailedRowsCard({ caller, id, after, outcome }: { caller: WizardCaller; id: string; after: number; outcome: "failure" | "error" }) {
  const results = (await getImportResults(caller.access, id, { after, limit: RESULTS_PAGE, outcome })) ?? [];
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
      {results.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">None.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{title}: line, lead and reason</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">Lead</th>
              <th scope="col" className="px-3 py-2">Reason</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.line} className="border-t border-slate-200">
                <td className="px-3 py-1.5 tabular-nums">{r.line}</td>
                <td className="px-3 py-1.5 font-mono text-xs">
                  {r.leadId && caller.scope.kind === "holder" ? (
                    <Link href={`/leads/${r.leadId}`} className="text-blue-800 underline">
                      {r.leadId}
                    </Link>
                  ) : (
                    (r.leadId ?? "—")
                  )}
                </td>
                <td className="px-3 py-1.5">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PagingLinks label="Result pages" first={after > 0 ? pageOf() : null} next={results.length === RESULTS_PAGE && last ? pageOf(last) : null} />
    </Card>
  );
}
