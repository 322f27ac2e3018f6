"use client";

import { useActionState, useId } from "react";
import { DataTable } from "@/app/_components/data-table";
import { submitKeepingValues } from "@/app/_components/submit-keeping-values";
import { buttonClass, inputClass, labelClass, Notice, OutcomeBadge } from "@/app/_components/ui";
import { testFlowAction, type TestFlowState } from "./actions";

type Props = {
  flowId: string;
  sources: Array<{ id: string; name: string; enabled: boolean }>;
  fields: Array<{ id: string; label: string; required: boolean; sample: string }>;
};

export function TestFlowForm({ flowId, sources, fields }: Props) {
  const [state, action, pending] = useActionState<TestFlowState, FormData>(testFlowAction, { status: "idle" });
  const id = useId();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={submitKeepingValues(action)} className="space-y-4">
        <input type="hidden" name="flowId" value={flowId} />
        <div>
          <label htmlFor={`${id}-source`} className={labelClass}>
            Send as source
          </label>
          <select id={`${id}-source`} name="sourceId" className={`${inputClass} mt-1`}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.enabled ? "" : " (disabled)"}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className={`${labelClass} mb-2`}>Lead values</legend>
          {fields.map((f) => (
            <div key={f.id}>
              <label htmlFor={`${id}-${f.id}`} className="block text-sm">
                {f.label} <code className="text-xs text-slate-600">{f.id}</code>
                {f.required && <span className="ml-1 text-xs font-semibold text-red-800">required</span>}
              </label>
              <input id={`${id}-${f.id}`} name={`field.${f.id}`} defaultValue={f.sample} className={`${inputClass} mt-1 w-full`} />
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Sending…" : "Send test lead"}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === "idle" && <p className="text-sm text-slate-600">The outcome of each step will show here.</p>}
        {(state.status === "error" || state.status === "refused") && <Notice tone="error">{state.message}</Notice>}
        {state.status === "ok" && <TestResult result={state} />}
      </div>
    </div>
  );
}

function TestResult({ result }: { result: Extract<TestFlowState, { status: "ok" }> }) {
  return (
    <section aria-labelledby="test-result-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="test-result-title" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        Result <OutcomeBadge outcome={result.outcome} />
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {result.reason ? `Reason: ${result.reason}. ` : ""}Price ${result.price}. Lead <code>{result.leadId}</code>.
      </p>
      <DataTable
        caption="Outcome of each step"
        className="mt-3"
        head="bare"
        padding="inline"
        rows={result.events}
        rowKey={(_, i) => i}
        columns={[
          { header: "Step", cell: (e) => e.step },
          { header: "Outcome", cell: (e) => <OutcomeBadge outcome={e.outcome} /> },
          { header: "Reason", className: "text-slate-700", cell: (e) => e.reason ?? "" },
        ]}
      />
    </section>
  );
}
