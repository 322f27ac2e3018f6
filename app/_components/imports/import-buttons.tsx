"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass, Notice } from "@/app/_components/ui";
import { importPagePath, newImportPath, type UploadTarget, type WizardScope } from "@/lib/imports/wizard-scope";
import { cancelImportAction, confirmImportAction, resumeImportAction, type ImportActionState } from "./actions";

// The wizard's decisions: import all rows or only the valid ones, start over, stop a running import,
// and import the remaining rows of a stopped one. Each runs a Server Action, then shows the page again.

type Ids = { scope: WizardScope; id: string };

function useImportAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ImportActionState>, then: () => void = () => router.refresh()) =>
    startTransition(async () => {
      const result = await action();
      setError(result.status === "error" ? result.message : null);
      if (result.status === "ok") then();
    });
  return { run, pending, error, router };
}

export function ImportChoice({ scope, id, target }: Ids & { target: UploadTarget }) {
  const { run, pending, error, router } = useImportAction();
  const confirm = (mode: "all" | "valid") => run(() => confirmImportAction({ scope, id, mode }));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} onClick={() => confirm("all")} className={buttonClass("primary")}>
          Import all rows
        </button>
        <button type="button" disabled={pending} onClick={() => confirm("valid")} className={buttonClass("secondary")}>
          Import only valid rows
        </button>
        <Link href={importPagePath(scope, id, { step: "mapping" })} className={buttonClass("quiet")}>
          Change the mapping
        </Link>
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => cancelImportAction({ scope, id }), () => router.push(newImportPath(scope, target)))}
          className={buttonClass("quiet")}
        >
          Start over with another file
        </button>
      </div>
      {/* The action only queues the job; the page then opens at the Importing step with its live progress. */}
      {pending && (
        <p role="status" className="text-sm text-slate-700">
          Starting the import…
        </p>
      )}
      <ul className="list-disc pl-5 text-sm text-slate-700">
        <li>
          <strong>Import all rows</strong>: invalid rows still become leads, failed with their reason, as LeadConduit&apos;s importer does.
        </li>
        <li>
          <strong>Import only valid rows</strong>: invalid and duplicate rows are listed in the results, not imported.
        </li>
      </ul>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}

export function CancelImportButton({ scope, id }: Ids) {
  const { run, pending, error } = useImportAction();
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {asking ? (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm text-amber-900">It stops after the batch in progress; the rest can be imported later.</span>
          {/* Focus moves to the question's answer, so a keyboard user is not left on a button that is gone. */}
          <button type="button" autoFocus disabled={pending} onClick={() => run(() => cancelImportAction({ scope, id }))} className={buttonClass("danger")}>
            {pending ? "Stopping…" : "Yes, stop the import"}
          </button>
          <button type="button" onClick={() => setAsking(false)} className={buttonClass("quiet")}>
            Keep importing
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setAsking(true)} className={buttonClass("danger")}>
          Cancel import
        </button>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}

export function ResumeImportButton({ scope, id, fromLine }: Ids & { fromLine: number | null }) {
  const { run, pending, error } = useImportAction();
  return (
    <div className="space-y-2">
      <button type="button" disabled={pending} onClick={() => run(() => resumeImportAction({ scope, id }))} className={buttonClass("primary")}>
        {pending ? "Starting…" : "Import the remaining rows"}
      </button>
      <p className="text-sm text-slate-700">
        Carries on {fromLine ? `after line ${fromLine}` : "from the first row"}. Rows already imported are not imported, or charged, again.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
