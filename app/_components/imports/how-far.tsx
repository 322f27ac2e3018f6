import Link from "next/link";
import { OutcomeBadge } from "@/app/_components/ui";
import { formatCount } from "@/lib/leads/format";
import type { ImportProgress } from "@/lib/imports/report/progress";
import { rowAndLine } from "@/lib/imports/report/row-label";
import type { ImportView } from "@/lib/imports/report/view";

// Where an import got to. Plain markup: the summary renders it on the server, and the live progress
// in the browser renders it again as the import moves.

type Counts = Pick<ImportView, "id" | "rows" | "processed" | "outcomes" | "notImported">;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Issue #6: the last line processed (as row and line, issue #14), that line's lead and outcome, and the counts so far. */
export function HowFar({ holder, view, progress }: { holder: boolean; view: Counts; progress: ImportProgress }) {
  const lead = progress.lastLead;
  return (
    <section aria-labelledby="how-far-title" className="rounded border border-slate-200 p-4">
      <h3 id="how-far-title" className="font-semibold">
        How far it got
      </h3>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Last row processed</dt>
        <dd className="tabular-nums">{progress.lastLine === null ? "None yet" : capitalized(rowAndLine(progress.lastRow, progress.lastLine))}</dd>
        <dt className="text-slate-600">Last imported lead</dt>
        <dd>
          {lead ? (
            <span className="inline-flex flex-wrap items-center gap-2">
              {holder ? (
                <Link href={`/leads/${lead.id}`} className="font-mono text-xs text-blue-800 underline">
                  {lead.id}
                </Link>
              ) : (
                <span className="font-mono text-xs">{lead.id}</span>
              )}
              {lead.line !== null && <span>{rowAndLine(lead.row, lead.line)}</span>}
              <OutcomeBadge outcome={lead.outcome} />
              {lead.reason && <span>{lead.reason}</span>}
            </span>
          ) : (
            "None yet"
          )}
        </dd>
        <dt className="text-slate-600">Rows processed</dt>
        <dd className="tabular-nums">
          {formatCount(view.processed)} of {formatCount(view.rows)}: {formatCount(view.outcomes.success)} success, {formatCount(view.outcomes.failure)} failure
          {view.notImported > 0 && ` (${formatCount(view.notImported)} of them not imported)`}, {formatCount(view.outcomes.error)} error
        </dd>
      </dl>
      {holder && (
        <p className="mt-2 text-sm">
          <Link href={`/leads?range=all&import=${view.id}`} className="text-blue-800 underline">
            See this import&apos;s leads
          </Link>
        </p>
      )}
    </section>
  );
}
