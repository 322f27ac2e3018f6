import { notFound } from "next/navigation";
import { z } from "zod";
import { Card, Notice } from "@/app/_components/ui";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import { getImportView, type ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { formatBytes, STATUS_LABELS, stepOf } from "@/lib/imports/wizard-labels";
import { ValidationReport, FileStep, MappingStep } from "./import-steps";
import { ImportingStep, SummaryStep } from "./import-summary";
import { LiveProgress } from "./live-progress";
import { WizardSteps } from "./wizard-steps";

// An import's page, for account holders (/imports/{id}) and sources (/docs/{token}/imports/{id}):
// the wizard step the import is at, its live progress, or its summary. Reopening it at any time
// shows the import's state as the database has it.

const searchSchema = z.object({
  step: z.enum(["file", "mapping"]).optional().catch(undefined),
  after: z.coerce.number().int().min(0).optional().catch(undefined),
  outcome: z.enum(["failure", "error"]).optional().catch(undefined),
});

export type ImportSearchParams = Record<string, string | string[] | undefined>;

export async function ImportPageBody({ caller, id, searchParams }: { caller: WizardCaller; id: string; searchParams: ImportSearchParams }) {
  const view = await getImportView(caller.access, id);
  if (!view) notFound();
  const search = searchSchema.parse(Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const step = stepOf(view, search.step);
  const target = view.flowId && view.sourceId ? { flowId: view.flowId, sourceId: view.sourceId } : null;
  const props = { caller, view };
  return (
    <>
      <WizardSteps current={step} withTarget={caller.scope.kind === "holder"} />
      <ImportFacts caller={caller} view={view} />
      {step === "upload" && (
        <Card id="receiving" title="Receiving the file">
          <div className="mt-3">
            <LiveProgress scope={caller.scope} id={view.id} initial={view} />
          </div>
        </Card>
      )}
      {(step === "file" || step === "mapping") && !caller.mayChange && (
        <Notice tone="info">This import waits for its file settings and column mapping. Your role can watch imports but not change them.</Notice>
      )}
      {step === "file" && caller.mayChange && <FileStep {...props} />}
      {step === "mapping" && caller.mayChange && <MappingStep {...props} />}
      {step === "validate" &&
        (view.status === "validating" ? (
          <Card id="validating" title="Validating">
            <p className="mb-4 mt-1 text-sm text-slate-600">Every row is checked against the flow&apos;s acceptance criteria, and for repeats within the file.</p>
            <LiveProgress scope={caller.scope} id={view.id} initial={view} />
          </Card>
        ) : (
          <ValidationReport {...props} after={search.after ?? 0} target={target} />
        ))}
      {step === "import" && <ImportingStep {...props} />}
      {step === "summary" && <SummaryStep {...props} after={search.after ?? 0} outcome={search.outcome ?? "failure"} target={target} />}
    </>
  );
}

function ImportFacts({ caller, view }: { caller: WizardCaller; view: ImportView }) {
  const into =
    view.flowId && view.sourceId
      ? `${caller.names.flows.get(view.flowId) ?? view.flowId} · ${caller.names.sources.get(view.sourceId) ?? view.sourceId}`
      : "Each row's flow and source (flow_id and source_id columns)";
  return (
    <dl className="mb-6 flex flex-wrap gap-x-8 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      {[
        ["File", `${view.fileName || "(no name)"} · ${formatBytes(view.bytes)}`],
        ["Into", into],
        ["Status", STATUS_LABELS[view.status]],
        ["Rows", formatCount(view.rows)],
        ["Created", `${formatDateTime(new Date(view.createdAt), caller.timeZone)} (${caller.timeZone})`],
      ].map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
