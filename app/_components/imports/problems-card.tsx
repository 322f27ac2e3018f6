import { Card } from "@/app/_components/ui";
import { getImportProblems, type ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { rowAndLine } from "@/lib/imports/report/row-label";
import { importApiUrl, importPagePath } from "@/lib/imports/wizard-scope";
import { PagingLinks } from "./paging-links";
import { ReplaceForm, RowEditor } from "./row-fixes";

// The validation report's rows with problems, a page at a time by line: each row's problems, and
// (issue #16) a way to fix its cells in place, or a value across a whole column, while the import
// waits for confirmation. A fixed row leaves the list when the page is shown again.

const PROBLEMS_PAGE = 50;

export async function ProblemsCard({ caller, view, after }: { caller: WizardCaller; view: ImportView; after: number }) {
  const answer = await getImportProblems(caller.access, view.id, { after, limit: PROBLEMS_PAGE });
  // A pruned import (its rows deleted) is finished, so it shows the summary, not this card.
  const problems = answer && "status" in answer ? [] : (answer ?? []);
  const fixable = caller.mayChange && view.status === "validated";
  if (problems.length === 0 && after === 0) {
    return (
      <Card id="problems" title="Rows with problems">
        <p className="mt-2 text-sm text-slate-600">Every row passed: nothing to fix.</p>
      </Card>
    );
  }
  const last = problems.at(-1)?.line;
  return (
    <Card id="problems" title="Rows with problems">
      <p className="mt-1 text-sm">
        <a href={importApiUrl(caller.scope, view.id, "problems.csv")} className="font-medium text-blue-800 underline" download>
          Download the invalid rows (problems.csv)
        </a>
        <span className="text-slate-600"> · the file&apos;s own columns plus the line number and reason, to fix and import again.</span>
      </p>
      {fixable && (
        <div className="mt-4 rounded border border-slate-200 p-3">
          <h3 className="text-sm font-semibold">Fix a whole column</h3>
          <p className="text-sm text-slate-600">
            Replaces cells that hold exactly this value (any case), in rows with problems only. Leave “Replace” empty to fill empty cells.
          </p>
          <ReplaceForm scope={caller.scope} id={view.id} headers={view.headers} />
        </div>
      )}
      <ol aria-label="Rows with problems" className="mt-4 space-y-3">
        {problems.map((row) => {
          const label = rowAndLine(row.row, row.line);
          const reasons = [
            ...row.problems.map((p) => ({ field: p.field ?? "", value: p.value, reason: p.reason })),
            ...(row.duplicateOfLine === null ? [] : [{ field: "", value: "", reason: `Duplicate of line ${row.duplicateOfLine}` }]),
          ];
          return (
            <li key={row.line} className="rounded border border-slate-200 p-3 text-sm">
              <p className="font-medium tabular-nums">
                {label[0]!.toUpperCase() + label.slice(1)}
                {row.corrected && <span className="ml-2 rounded-full bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900">corrected</span>}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {reasons.map((r, i) => (
                  <li key={i}>
                    {r.field && <span className="font-mono text-xs">{r.field}</span>}
                    {r.value && <> “{r.value}”</>}
                    {(r.field || r.value) && ": "}
                    {r.reason}
                  </li>
                ))}
              </ul>
              {fixable && row.readable && <RowEditor scope={caller.scope} id={view.id} line={row.line} label={label} headers={view.headers} cells={row.cells} />}
            </li>
          );
        })}
      </ol>
      <PagingLinks
        label="Problem pages"
        first={after > 0 ? importPagePath(caller.scope, view.id) : null}
        next={problems.length === PROBLEMS_PAGE && last ? importPagePath(caller.scope, view.id, { after: last }) : null}
      />
    </Card>
  );
}
