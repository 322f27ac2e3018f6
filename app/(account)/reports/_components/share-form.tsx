"use client";

import { useActionState, useState } from "react";
import { CopyButton } from "@/app/_components/copy-button";
import { createReportLinkAction, type ShareState } from "../actions";

type Props = {
  scope: { flow: string[]; source: string[]; import: string[]; outcome: string[]; reason: string[]; batch: boolean; field?: string; value?: string; group: string };
  sources: Array<{ id: string; name: string }>;
};

const fieldClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

// Creates a shared link: this report as filtered (its flows and sources are all the viewer will see),
// or the partner report for one source.
export function ShareForm({ scope, sources }: Props) {
  const [state, action, pending] = useActionState<ShareState, FormData>(createReportLinkAction, { status: "idle" });
  const [kind, setKind] = useState<"report" | "partner">(scope.flow.length + scope.source.length > 0 ? "report" : "partner");
  // After a refusal React resets the form to its defaults: the defaults are what was sent, so nothing
  // typed is lost. The radios follow `kind` (what the person last chose) for the same reason.
  const sent = state.status === "invalid" || state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-3 text-sm">
      {scope.flow.map((id) => <input key={`f${id}`} type="hidden" name="flow" value={id} />)}
      {scope.source.map((id) => <input key={`s${id}`} type="hidden" name="source" value={id} />)}
      {scope.import.map((id) => <input key={`i${id}`} type="hidden" name="import" value={id} />)}
      {scope.outcome.map((o) => <input key={`o${o}`} type="hidden" name="outcome" value={o} />)}
      {scope.reason.map((r) => <input key={`r${r}`} type="hidden" name="reason" value={r} />)}
      {scope.batch && <input type="hidden" name="batch" value="1" />}
      {scope.field && scope.value && (
        <>
          <input type="hidden" name="field" value={scope.field} />
          <input type="hidden" name="value" value={scope.value} />
        </>
      )}
      <input type="hidden" name="group" value={scope.group} />
      <div>
        <label htmlFor="share-name" className="block font-medium text-slate-700">Link name</label>
        <input id="share-name" name="name" required maxLength={120} defaultValue={sent?.name} placeholder="e.g. Acme, January" className={fieldClass} />
      </div>
      <fieldset>
        <legend className="font-medium text-slate-700">What the link shows</legend>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="kind" value="report" defaultChecked={kind === "report"} onChange={() => setKind("report")} />
          This report, for its chosen flows and sources only
        </label>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="kind" value="partner" defaultChecked={kind === "partner"} onChange={() => setKind("partner")} />
          A partner report for one source (counts by reason, its imports)
        </label>
      </fieldset>
      {kind === "partner" && (
        <>
          <div>
            <label htmlFor="share-source" className="block font-medium text-slate-700">Partner source</label>
            <select id="share-source" name="partnerSource" defaultValue={sent?.partnerSource || scope.source[0]} className={fieldClass}>
              {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showContacts" defaultChecked={sent?.showContacts} />
            Show the last imported lead&apos;s email, phone and name (masked otherwise)
          </label>
        </>
      )}
      {kind === "report" && scope.flow.length + scope.source.length === 0 && (
        <p className="text-amber-900">Choose a flow or source in the filters above first: a shared report shows only those.</p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        Create shared link
      </button>
      {(state.status === "invalid" || state.status === "error") && <p role="alert" className="text-red-800">{state.message}</p>}
      {state.status === "ok" && (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="share-new-url" className="font-medium text-slate-700">New link</label>
          <input id="share-new-url" readOnly value={state.url} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1.5 font-mono text-xs" />
          <CopyButton text={state.url} label="Copy the new link" />
        </div>
      )}
    </form>
  );
}
