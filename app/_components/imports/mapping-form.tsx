"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { rowClass, TableHead } from "@/app/_components/data-table";
import { buttonClass, inputClass, Notice } from "@/app/_components/ui";
import type { MappingView } from "@/lib/imports/map/mapping";
import { sampleValues } from "@/lib/imports/map/sample-values";
import { MATCHED_BY_LABELS } from "@/lib/imports/wizard-labels";
import { importPagePath, type WizardScope } from "@/lib/imports/wizard-scope";
import { saveMappingAndValidateAction, type ImportActionState } from "./actions";
import { MappingPreview } from "./mapping-preview";

// Step 3: one line per column of the file, so a file of any width fits the screen (issue #14: 17
// columns ran 4,554 px sideways): the column, a few of its values, and the flow field it fills (the
// server's suggestion to start with). Required fields no column fills are named first. A field
// chosen for a second column leaves the first one, since a field is filled from one column only.
// The first rows in the file's own layout stay one click away (MappingPreview).

const SAMPLES = 3;

type Props = {
  scope: WizardScope;
  id: string;
  columns: MappingView["columns"];
  fields: MappingView["fields"];
  required: string[];
  /** The first rows as uploaded (docs/ui.md, "Masked fields": the file's own views are not masked). */
  preview: MappingView["preview"];
};

export function MappingForm({ scope, id, columns, fields, required, preview }: Props) {
  const router = useRouter();
  const [selection, setSelection] = useState<Array<string | null>>(columns.map((c) => c.fieldId));
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  const [state, setState] = useState<ImportActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const labelOf = new Map(fields.map((f) => [f.id, f.label]));
  const missing = required.filter((fieldId) => !selection.includes(fieldId));

  function choose(column: number, fieldId: string | null) {
    const previous = fieldId === null ? -1 : selection.findIndex((f, c) => c !== column && f === fieldId);
    setSelection(selection.map((f, c) => (c === column ? fieldId : c === previous ? null : f)));
    setTouched(new Set([...touched, column, ...(previous >= 0 ? [previous] : [])]));
    setNote(previous >= 0 ? `${labelOf.get(fieldId!) ?? fieldId} now comes from “${columns[column]!.header}”; “${columns[previous]!.header}” is no longer imported.` : null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveMappingAndValidateAction({ scope, id, mapping: selection.map((fieldId, column) => ({ column, fieldId })) });
      setState(result);
      if (result.status === "ok") router.push(importPagePath(scope, id));
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div role="status" className="space-y-2">
        {missing.length > 0 && (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <strong className="font-semibold">Required fields not mapped yet: {missing.map((f) => labelOf.get(f) ?? f).join(", ")}.</strong> Rows without them will fail
            validation.
          </p>
        )}
        {note && <p className="text-sm text-slate-700">{note}</p>}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">The file&apos;s columns, a few of their values, and the flow field each fills</caption>
          <colgroup>
            <col className="w-[28%]" />
            <col className="w-[36%]" />
            <col />
          </colgroup>
          <TableHead columns={[{ header: "Column in your file" }, { header: "Sample values" }, { header: "Flow field" }]} />
          <tbody>
            {columns.map((c) => {
              const samples = sampleValues(preview, c.column, SAMPLES);
              return (
                <tr key={c.column} className={`${rowClass} align-top`}>
                  <th scope="row" className="break-words px-3 py-2 text-left font-medium">
                    {c.header}
                    <span className="block text-xs font-normal text-slate-600">Column {c.column + 1}</span>
                  </th>
                  <td className={`px-3 py-2 ${selection[c.column] === null ? "text-slate-500 line-through" : ""}`}>
                    {samples.length > 0 ? (
                      <ul>
                        {samples.map((value) => (
                          <li key={value} className="truncate" title={value}>
                            {value}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-600">Empty in the first rows</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <select
                      aria-label={`Flow field for column ${c.header}`}
                      value={selection[c.column] ?? ""}
                      onChange={(e) => choose(c.column, e.target.value || null)}
                      className={`${inputClass} w-full`}
                    >
                      <option value="">Do not import</option>
                      {fields.map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                    <p className="mt-1 text-xs text-slate-600">{touched.has(c.column) ? "Changed by you" : c.by ? MATCHED_BY_LABELS[c.by] : "No match found"}</p>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <MappingPreview columns={columns} preview={preview} selection={selection} />
      {state?.status === "error" && <Notice tone="error">{state.message}</Notice>}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Save mapping and validate"}
      </button>
    </form>
  );
}
