"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import type { ImportView } from "@/lib/imports/report/view";
import { DELIMITER_LABELS, ENCODING_LABELS } from "@/lib/imports/wizard-labels";
import type { WizardScope } from "@/lib/imports/wizard-scope";
import { changeFileSettingsAction, type ImportActionState } from "./actions";

// How the stored file is read: encoding and delimiter (a workbook: its sheet), and whether the first
// row is the header. A change re-reads the file already on the server; nothing is uploaded again.

type Settings = ImportView["settings"];

export function FileSettingsForm({ scope, id, settings, detected }: { scope: WizardScope; id: string; settings: Settings; detected: Settings }) {
  const router = useRouter();
  const ids = { encoding: useId(), delimiter: useId(), sheet: useId(), header: useId() };
  const workbook = settings.format === "xlsx";
  const [chosen, setChosen] = useState<Settings>(settings);
  const [state, setState] = useState<ImportActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = chosen.encoding !== settings.encoding || chosen.delimiter !== settings.delimiter || chosen.sheet !== settings.sheet || chosen.header !== settings.header;

  function apply(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const read = workbook ? { sheet: chosen.sheet, header: chosen.header } : { encoding: chosen.encoding, delimiter: chosen.delimiter, header: chosen.header };
      const result = await changeFileSettingsAction({ scope, id, ...read });
      setState(result);
      if (result.status === "ok") router.refresh();
      else setChosen(settings);
    });
  }

  return (
    <form onSubmit={apply} className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        {workbook ? (
          <div>
            <label htmlFor={ids.sheet} className={labelClass}>
              Sheet
            </label>
            <select id={ids.sheet} value={chosen.sheet} onChange={(e) => setChosen({ ...chosen, sheet: e.target.value })} className={`${inputClass} mt-1`}>
              {(detected.sheets ?? [settings.sheet ?? ""]).map((name) => (
                <option key={name} value={name}>
                  {name}
                  {name === detected.sheet ? " (first with rows)" : ""}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <TextSettings ids={ids} chosen={chosen} detected={detected} onChange={setChosen} />
        )}
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

const detectedMark = (on: boolean) => (on ? " (detected)" : "");

/** A CSV's encoding and delimiter. */
function TextSettings(props: { ids: { encoding: string; delimiter: string }; chosen: Settings; detected: Settings; onChange: (settings: Settings) => void }) {
  const { ids, chosen, detected, onChange } = props;
  return (
    <>
      <div>
        <label htmlFor={ids.encoding} className={labelClass}>
          Encoding
        </label>
        <select
          id={ids.encoding}
          value={chosen.encoding}
          onChange={(e) => onChange({ ...chosen, encoding: e.target.value as Settings["encoding"] })}
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
          onChange={(e) => onChange({ ...chosen, delimiter: e.target.value as Settings["delimiter"] })}
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
    </>
  );
}
