"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { formatCount } from "@/lib/leads/format";
import type { ImportProgress } from "@/lib/imports/progress";
import type { ImportView } from "@/lib/imports/view";
import { percent } from "@/lib/imports/wizard-labels";
import { importApiUrl, type WizardScope } from "@/lib/imports/wizard-scope";
import { readImportProgressAction } from "./actions";
import { HowFar } from "./how-far";

// Validation's and the import's progress, from the server-sent events of /api/imports/{id}/events
// (progress lives in the database, so closing the tab changes nothing and reopening picks it up).
// When the status changes the page is rendered again for the next step. While importing, "how far it
// got" (last line and lead, which the events leave out) is read again every few seconds.

const PROGRESS_MS = 2000;

type Progress = Pick<ImportView, "id" | "status" | "rows" | "validated" | "processed" | "invalid" | "duplicates" | "outcomes" | "notImported">;

type Props = { scope: WizardScope; id: string; initial: Progress; initialProgress?: ImportProgress | null };

export function LiveProgress({ scope, id, initial, initialProgress = null }: Props) {
  const router = useRouter();
  const labelId = useId();
  const [view, setView] = useState<Progress>(initial);
  const [howFar, setHowFar] = useState<ImportProgress | null>(initialProgress);
  const [reconnecting, setReconnecting] = useState(false);
  const token = scope.kind === "docs" ? scope.token : null;
  const startStatus = initial.status;

  useEffect(() => {
    const scopeOf: WizardScope = token ? { kind: "docs", token } : { kind: "holder" };
    const events = new EventSource(importApiUrl(scopeOf, id, "events"));
    let readAt = Date.now();
    let shownStatus = startStatus;
    events.addEventListener("progress", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Progress;
      setView(next);
      setReconnecting(false);
      if (next.status !== shownStatus) {
        shownStatus = next.status;
        router.refresh();
      } else if (next.status === "importing" && Date.now() - readAt > PROGRESS_MS) {
        readAt = Date.now();
        void readImportProgressAction({ scope: scopeOf, id }).then((progress) => progress && setHowFar(progress));
      }
    });
    // The stream ends once the import stops working; without close() EventSource would reconnect.
    // The last progress event has usually brought the page to that status already: one refresh is enough.
    events.addEventListener("end", (event) => {
      events.close();
      const { status } = JSON.parse((event as MessageEvent<string>).data) as { status: string };
      if (status !== shownStatus) router.refresh();
    });
    events.onerror = () => setReconnecting(events.readyState !== EventSource.CLOSED);
    return () => events.close();
  }, [id, token, startStatus, router]);

  const importing = view.status === "importing";
  const done = importing ? view.processed : view.validated;
  return (
    <div className="space-y-3">
      <p id={labelId} className="text-sm font-medium">
        {view.status === "receiving"
          ? "Receiving the file…"
          : importing
            ? `Imported ${formatCount(view.processed)} of ${formatCount(view.rows)} rows (${percent(view.processed, view.rows)}%)`
            : `Checked ${formatCount(view.validated)} of ${formatCount(view.rows)} rows (${percent(view.validated, view.rows)}%)`}
      </p>
      <progress aria-labelledby={labelId} max={view.rows || 1} value={done} className="block h-3 w-full" />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {importing ? (
          <>
            <Count label="Success so far" value={view.outcomes.success} />
            <Count label="Failure so far" value={view.outcomes.failure} />
            <Count label="Error so far" value={view.outcomes.error} />
            <Count label="Not imported so far" value={view.notImported} />
          </>
        ) : (
          <>
            <Count label="Invalid so far" value={view.invalid} />
            <Count label="Duplicates so far" value={view.duplicates} />
          </>
        )}
      </dl>
      {reconnecting && <p className="text-sm text-slate-600">Connection lost; reconnecting… The work carries on on the server.</p>}
      {importing && howFar && <HowFar holder={scope.kind === "holder"} view={view} progress={howFar} />}
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex gap-1">
      <dt className="text-slate-600">{label}:</dt>
      <dd className="font-medium tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}
