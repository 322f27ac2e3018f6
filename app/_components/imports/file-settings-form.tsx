"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import type { ImportView } from "@/lib/imports/view";
import { DELIMITER_LABELS, ENCODING_LABELS } from "@/lib/imports/wizard-labels";
import type { WizardScope } from "@/lib/imports/wizard-scope";
import { changeFileSettingsAction, type ImportActionState } from "./actions";

// How the stored file is read: encoding, delimiter and whether the first row is the header. A change
// re-reads the file already on the server; nothing is uploaded again.

type Settings = ImportView["settings"];

export function FileSettingsForm({ scope, id, settings, detected }: { scope: WizardScope; id: string; settings: Settings; detected: Settings }) {
  const router = useRouter();
  const ids = { encoding: useId(), delimiter: useId(), header: useId() };
  const [chosen, setChosen] = useState<Settings>(settings);
  const [state, setState] = useState<ImportActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = chosen.encoding !== settings.encoding || chosen.delimiter !== settings.delimiter || chosen.header !== settings.header;

  function apply(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await changeFileSettingsAction({ scope, id, ...chosen });
      setState(result);
      if (result.status === "ok") router.refresh();
      else setChosen(settings);
    });
  }

  const detectedMark = (on: boolean) => (on ? " (detected)" : "");
  return (
    <form onSubmit={apply} className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={ids.encoding} className={labelClass}>
            Encoding
          </label>
          <select
            id={ids.encoding}
            value={chosen.encoding}
            onChange={(e) => setChosen({ ...chosen, encoding: e.target.value as Settings["encoding"] })}
            className={`${inputClass} mt-1`}
          >
            {Object.entries(ENCODING_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
                {detectedMark(value === detected.encoding)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.delimiter} className={labelClass}>
            Delimiter
          </label>
          <select
            id={ids.delimiter}
            value={chosen.delimiter}
            onChange={(e) => setChosen({ ...chosen, delimiter: e.target.value as Settings["delimiter"] })}
            className={`${inputClass} mt-1`}
          >
            {Object.entries(DELIMITER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
                {detectedMark(value === detected.delimiter)}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={ids.header} className="flex items-center gap-2 pb-1.5 text-sm">
          <input id={ids.header} type="checkbox" checked={chosen.header} onChange={(e) => setChosen({ ...chosen, header: e.target.checked })} />
          CSV Column Header
          <span className="text-slate-600">(the first row names the columns{detected.header ? ", as detected" : ""})</span>
        </label>
        <button type="submit" disabled={!changed || pending} className={buttonClass("secondary")}>
          {pending ? "Reading the file again…" : "Read the file with these settings"}
        </button>
      </div>
      {state?.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state?.status === "ok" && !pending && <Notice tone="ok">The file was read again with these settings.</Notice>}
    </form>
  );
}
