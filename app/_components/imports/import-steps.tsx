import Link from "next/link";
import { DataTable, type Column } from "@/app/_components/data-table";
import { buttonClass, Card } from "@/app/_components/ui";
import { formatCount } from "@/lib/leads/format";
import { getImportMapping, getImportProblems, type ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { rowAndLine } from "@/lib/imports/report/row-label";
import { validRows } from "@/lib/imports/wizard-labels";
import { importApiUrl, importPagePath, type UploadTarget } from "@/lib/imports/wizard-scope";
import { FileSettingsForm } from "./file-settings-form";
import { ImportChoice } from "./import-buttons";
import { MappingForm } from "./mapping-form";
import { CountTiles } from "./count-tiles";
import { PagingLinks } from "./paging-links";
import { ScrollRegion } from "./scroll-region";

// Steps 2 to 4 of an import's page: how the file is read, the column mapping, and the validation
// report. The file's values are shown as uploaded, header row or not: masking applies to the leads
// stored from it (docs/ui.md, "Masked fields").

const PROBLEMS_PAGE = 50;

type StepProps = { caller: WizardCaller; view: ImportView };

export async function FileStep({ caller, view }: StepProps) {
  const mapping = await getImportMapping(caller.access, view.id);
  const preview = mapping?.preview ?? [];
  return (
    <div className="space-y-6">
      <Card id="file-settings" title="How the file is read">
        <p className="mb-4 mt-1 text-sm text-slate-600">
          Detected from the file. If the preview below looks wrong, change a setting: the file already on the server is read again, no new upload.
        </p>
        <FileSettingsForm scope={caller.scope} id={view.id} settings={view.settings} detected={view.detected} />
      </Card>
      {view.notices.length > 0 && (
        <Card id="file-notices" title="Noticed while reading">
          <ul className="mt-2 list-disc pl-5 text-sm">
            {view.notices.slice(0, 20).map((n, i) => (
              <li key={i}>{n.message}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card id="file-preview" title={`Preview: ${formatCount(view.rows)} ${view.rows === 1 ? "row" : "rows"}, ${view.headers.length} ${view.headers.length === 1 ? "column" : "columns"}`}>
        <ScrollRegion label="Preview of the first rows" className="mt-3">
          <DataTable
            caption="The first rows of the file as they are read with these settings"
            fit
            padding="compact"
            rows={preview.slice(0, 5)}
            rowKey={(row) => row.line}
            columns={[
              { header: "Line", rowHeader: true, className: "font-normal text-slate-600", cell: (row) => row.line },
              ...view.headers.map((h, i) => ({
                header: h,
                headerClassName: "whitespace-nowrap",
                cell: (row: (typeof preview)[number]) => <span className="block max-w-56 truncate">{row.cells[i] ?? ""}</span>,
              })),
            ]}
          />
        </ScrollRegion>
      </Card>
      <Link href={importPagePath(caller.scope, view.id, { step: "mapping" })} className={buttonClass("primary")}>
        Next: map the columns
      </Link>
    </div>
  );
}

export async function MappingStep({ caller, view }: StepProps) {
  const mapping = await getImportMapping(caller.access, view.id);
  if (!mapping) return null;
  return (
    <Card id="mapping" title="Map the columns">
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Each column of your file is matched to a field of the flow{mapping.saved ? " (as you saved it)" : ""}. Change any match, or choose “Do not import” to leave a column out.
        {view.flowId === null && " This file names each row's flow and source: map its flow_id and source_id columns."}
      </p>
      <MappingForm
        scope={caller.scope}
        id={view.id}
        columns={mapping.columns}
        fields={mapping.fields}
        required={mapping.required}
        preview={mapping.preview}
      />
    </Card>
  );
}

export function ValidationReport({ caller, view, after, target }: StepProps & { after: number; target: UploadTarget }) {
  return (
    <div className="space-y-6">
      <Card id="validation" title="Validation report">
        <div className="mt-3">
          <CountTiles
            counts={[
              ["Rows in the file", view.rows],
              ["Valid", validRows(view)],
              ["Invalid", view.invalid],
              ["Duplicates within the file", view.duplicates],
            ]}
          />
        </div>
        {caller.mayChange && (
          <div className="mt-6">
            <ImportChoice scope={caller.scope} id={view.id} target={target} />
          </div>
        )}
      </Card>
      <ProblemsCard caller={caller} view={view} after={after} />
    </div>
  );
}

/** Every problem row, a page at a time by line: one table row per problem, and one for a repeat. */
async function ProblemsCard({ caller, view, after }: StepProps & { after: number }) {
  const answer = await getImportProblems(caller.access, view.id, { after, limit: PROBLEMS_PAGE });
  // A pruned import (its rows deleted) is finished, so it shows the summary, not this card.
  const problems = answer && "status" in answer ? null : answer;
  const rows = (problems ?? []).flatMap((row) => [
    ...row.problems.map((p) => ({ line: row.line, row: row.row, field: p.field ?? "", value: p.value, reason: p.reason })),
    ...(row.duplicateOfLine === null ? [] : [{ line: row.line, row: row.row, field: "", value: "", reason: `Duplicate of line ${row.duplicateOfLine}` }]),
  ]);
  const last = problems?.at(-1)?.line;
  if (rows.length === 0 && after === 0) {
    return (
      <Card id="problems" title="Rows with problems">
        <p className="mt-2 text-sm text-slate-600">Every row passed: nothing to fix.</p>
      </Card>
    );
  }
  return (
    <Card id="problems" title="Rows with problems">
      <p className="mt-1 text-sm">
        <a href={importApiUrl(caller.scope, view.id, "problems.csv")} className="font-medium text-blue-800 underline" download>
          Download the invalid rows (problems.csv)
        </a>
        <span className="text-slate-600"> · the file&apos;s own columns plus the line number and reason, to fix and import again.</span>
      </p>
      <ProblemsTable rows={rows} />
      <PagingLinks
        label="Problem pages"
        first={after > 0 ? importPagePath(caller.scope, view.id) : null}
        next={problems && problems.length === PROBLEMS_PAGE && last ? importPagePath(caller.scope, view.id, { after: last }) : null}
      />
    </Card>
  );
}

type ProblemLine = { line: number; row: number | null; field: string; value: string; reason: string };

const problemColumns: Array<Column<ProblemLine>> = [
  { header: "Row, line", className: "tabular-nums whitespace-nowrap", cell: (r) => rowAndLine(r.row, r.line) },
  { header: "Field", className: "font-mono text-xs", cell: (r) => r.field },
  { header: "Value", cell: (r) => r.value },
  { header: "Reason", cell: (r) => r.reason },
];

function ProblemsTable({ rows }: { rows: ProblemLine[] }) {
  return (
    <ScrollRegion label="Problems by line" className="mt-3">
      <DataTable
        caption="Problems by line: the field, its value and the reason"
        columns={problemColumns}
        rows={rows}
        rowKey={(_, i) => i}
        padding="compact"
        rowClassName="align-top"
      />
    </ScrollRegion>
  );
}
