import Link from "next/link";
import { Card, Notice } from "@/app/_components/ui";
import { formatCount, formatDateTime } from "@/lib/leads/format";
import { getImportProgress, getImportSummary, type ImportView } from "@/lib/imports/service";
import type { WizardCaller } from "@/lib/imports/wizard-access";
import { importApiUrl, newImportPath, type UploadTarget } from "@/lib/imports/wizard-scope";
import { HowFar } from "./how-far";
import { CancelImportButton, ResumeImportButton } from "./import-buttons";
import { LiveProgress } from "./live-progress";
import { ByReasonCard, FailedRowsCard } from "./summary-tables";
import { CountTiles } from "./count-tiles";
import { NOT_IMPORTED_TILE, OUTCOMES_NOTE } from "@/lib/imports/report/progress-wording";
import { resultsFileSentence } from "@/lib/imports/retention";

// Steps 5 and 6 of an import's page: the import running (live progress, how far it got, cancel) and
// its summary (counts by outcome and reason, failed rows, results.csv, and for an import that stopped
// early, "Import the remaining rows").

type StepProps = { caller: WizardCaller; view: ImportView };

export async function ImportingStep({ caller, view }: StepProps) {
  const progress = await getImportProgress(caller.access, view.id);
  return (
    <Card id="importing" title="Importing">
      <p className="mb-4 mt-1 text-sm text-slate-600">You can close this page: the import carries on, and this page shows where it is when you come back.</p>
      <LiveProgress scope={caller.scope} id={view.id} initial={view} initialProgress={progress} />
      {caller.mayChange && (
        <div className="mt-4">
          <CancelImportButton scope={caller.scope} id={view.id} />
        </div>
      )}
    </Card>
  );
}

function StatusNotice({ caller, view }: StepProps) {
  const when = view.completedAt ? formatDateTime(new Date(view.completedAt), caller.timeZone) : null;
  if (view.status === "completed") return <Notice tone="ok">Completed{when ? ` at ${when} (${caller.timeZone})` : ""}: every row has a result.</Notice>;
  if (view.status === "failed") return <Notice tone="error">The import stopped: {view.message ?? "an internal error"}.</Notice>;
  if (view.mode === null) return <Notice tone="info">This import was cancelled before it imported anything.</Notice>;
  return <Notice tone="info">Cancelled{when ? ` at ${when} (${caller.timeZone})` : ""}, after {formatCount(view.processed)} of {formatCount(view.rows)} rows.</Notice>;
}

export async function SummaryStep({ caller, view, after, outcome, target }: StepProps & { after: number; outcome: "failure" | "error"; target: UploadTarget }) {
  const [summary, progress] = await Promise.all([getImportSummary(caller.access, view.id), getImportProgress(caller.access, view.id)]);
  const retention = resultsFileSentence(view, caller.timeZone);
  return (
    <div className="space-y-6">
      <Card id="summary" title="Summary">
        <div className="mt-2 space-y-4">
          <StatusNotice caller={caller} view={view} />
          {progress?.resumable && caller.mayChange && <ResumeImportButton scope={caller.scope} id={view.id} fromLine={progress.lastLine} />}
          <CountTiles
            counts={[
              ["Success", view.outcomes.success],
              ["Failure", view.outcomes.failure],
              ["Error", view.outcomes.error],
              [NOT_IMPORTED_TILE, view.notImported],
            ]}
          />
          <p className="text-sm text-slate-600">{OUTCOMES_NOTE}</p>
          {progress && <HowFar holder={caller.scope.kind === "holder"} view={view} progress={progress} />}
          <p className="flex flex-wrap gap-4 text-sm">
            {view.resultsAvailable && (
              <a href={importApiUrl(caller.scope, view.id, "results.csv")} download className="font-medium text-blue-800 underline">
                Download the results (results.csv)
              </a>
            )}
            {retention && <span className={view.resultsAvailable ? "text-slate-600" : undefined}>{retention}</span>}
            {caller.mayChange && (
              <Link href={newImportPath(caller.scope, target)} className="text-blue-800 underline">
                Start another import
              </Link>
            )}
          </p>
        </div>
      </Card>
      <ByReasonCard byReason={summary?.byReason ?? []} />
      <FailedRowsCard caller={caller} id={view.id} after={after} outcome={outcome} />
    </div>
  );
}
