import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { buttonClass, Card } from "@/app/_components/ui";
import { formatCount } from "@/lib/leads/format";
import { getImportMapping, type ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { validRows } from "@/lib/imports/wizard-labels";
import { importPagePath, type UploadTarget } from "@/lib/imports/wizard-scope";
import { FileSettingsForm } from "./file-settings-form";
import { ImportChoice } from "./import-buttons";
import { MappingForm } from "./mapping-form";
import { CountTiles } from "./count-tiles";
import { ProblemsCard } from "./problems-card";
import { ScrollRegion } from "./scroll-region";

// Steps 2 to 4 of an import's page: how the file is read, the column mapping, and the validation
// report. The file's values are shown as uploaded, header row or not: masking applies to the leads
// stored from it (docs/ui.md, "Masked fields").

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
