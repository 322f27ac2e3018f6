"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { formatCount } from "@/lib/leads/format";
import type { ProgressEvent } from "@/lib/imports/report/events";
import type { ImportProgress } from "@/lib/imports/report/progress";
import { initialPhase, phaseOf, progressWording } from "@/lib/imports/report/progress-wording";
import type { ImportView } from "@/lib/imports/report/view";
import { importApiUrl, type WizardScope } from "@/lib/imports/wizard-scope";
import { HowFar } from "./how-far";

// Validation's and the import's progress, from the server-sent events of /api/imports/{id}/events
// (progress lives in the database, so closing the tab changes nothing and reopening picks it up).
// Each event brings the counts and "how far it got" (last line and lead) of the last batch saved;
// nothing else is polled, so no Server Action queues up in front of the user's own (Cancel).
// When the status changes the page is rendered again for the next step; until then the box keeps
// the words of its phase (lib/imports/report/progress-wording.ts).

type Progress = Pick<ImportView, "id" | "status" | "rows" | "validated" | "processed" | "invalid" | "duplicates" | "outcomes" | "notImported">;

type Props = { scope: WizardScope; id: string; initial: Progress; initialProgress?: ImportProgress | null };

export function LiveProgress({ scope, id, initial, initialProgress = null }: Props) {
  const router = useRouter();
  const labelId = useId();
  const [view, setView] = useState<Progress>(initial);
  const [howFar, setHowFar] = useState<ImportProgress | null>(initialProgress);
  const [reconnecting, setReconnecting] = useState(false);
  const [phase, setPhase] = useState(() => initialPhase(initial.status));
  const token = scope.kind === "docs" ? scope.token : null;
  const startStatus = initial.status;

  useEffect(() => {
    const scopeOf: WizardScope = token ? { kind: "docs", token } : { kind: "holder" };
    const events = new EventSource(importApiUrl(scopeOf, id, "events"));
    let shownStatus = startStatus;
    events.addEventListener("progress", (event) => {
      const { howFar: far, ...next } = JSON.parse((event as MessageEvent<string>).data) as ProgressEvent;
      setView(next);
      setPhase((shown) => phaseOf(next.status, shown));
      if (far) setHowFar(far);
      setReconnecting(false);
      if (next.status !== shownStatus) {
        shownStatus = next.status;
        router.refresh();
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

  const wording = progressWording(view, phase);
  return (
    <div className="space-y-3">
      <p id={labelId} className="text-sm font-medium">
        {wording.headline}
      </p>
      <progress aria-labelledby={labelId} max={view.rows || 1} value={wording.done} className="block h-3 w-full" />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {wording.counts.map(([label, value]) => (
          <Count key={label} label={label} value={value} />
        ))}
      </dl>
      {reconnecting && <p className="text-sm text-slate-600">Connection lost; reconnecting… The work carries on on the server.</p>}
      {wording.phase === "import" && howFar && <HowFar holder={scope.kind === "holder"} view={view} progress={howFar} />}
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
