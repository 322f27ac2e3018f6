"use client";

import { useId, useState } from "react";
import { inputClass, labelClass } from "@/app/_components/ui";
import { UploadForm } from "./upload-form";

// Steps 1 and 2 for account holders: the flow and source to import into (or a file whose rows name
// their own in flow_id and source_id columns), then the file.

export type SourceOption = { id: string; name: string; flowId: string; flowName: string; enabled: boolean };

export function NewImportForm({ sources, initialSourceId }: { sources: SourceOption[]; initialSourceId: string | null }) {
  const [multi, setMulti] = useState(false);
  const [sourceId, setSourceId] = useState(initialSourceId ?? "");
  const selectId = useId();
  const source = sources.find((s) => s.id === sourceId);
  const target = multi ? null : source ? { flowId: source.flowId, sourceId: source.id } : "unset";
  const flows = [...new Map(sources.map((s) => [s.flowId, s.flowName])).entries()];

  return (
    <UploadForm scope={{ kind: "holder" }} target={target}>
      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">1. Choose the target</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="target-kind" checked={!multi} onChange={() => setMulti(false)} className="mt-1" />
          <span>One flow and source for every row</span>
        </label>
        <div className="ml-6">
          <label htmlFor={selectId} className={labelClass}>
            Flow and source
          </label>
          <select id={selectId} value={sourceId} disabled={multi} onChange={(e) => setSourceId(e.target.value)} className={`${inputClass} mt-1 min-w-72`}>
            <option value="">Choose a source…</option>
            {flows.map(([flowId, flowName]) => (
              <optgroup key={flowId} label={flowName}>
                {sources
                  .filter((s) => s.flowId === flowId)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                      {s.enabled ? "" : " (disabled)"}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="target-kind" checked={multi} onChange={() => setMulti(true)} className="mt-1" />
          <span>
            My file has <code>flow_id</code> and <code>source_id</code> columns
            <span className="block text-slate-600">One file for many flows and sources: you will map those two columns with the others.</span>
          </span>
        </label>
      </fieldset>
      <h2 className="text-sm font-semibold">2. Upload the file</h2>
    </UploadForm>
  );
}
