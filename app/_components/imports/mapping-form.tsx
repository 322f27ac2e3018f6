"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { rowClass, TableHead } from "@/app/_components/data-table";
import { buttonClass, inputClass, Notice } from "@/app/_components/ui";
import type { MappingView } from "@/lib/imports/map/mapping";
import { MATCHED_BY_LABELS } from "@/lib/imports/wizard-labels";
import { importPagePath, type WizardScope } from "@/lib/imports/wizard-scope";
import { saveMappingAndValidateAction, type ImportActionState } from "./actions";

// Step 3, as LeadConduit lays it out: the file's headers across the top, under each the flow field it
// fills (the server's suggestion to start with), then the first rows as they will be read. A field
// chosen for a second column leaves the first one, since a field is filled from one column only.

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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm">
          <caption className="sr-only">The file&apos;s columns, the flow field each fills, and the first rows as they will be read</caption>
          <TableHead
            columns={[{ header: "Column in your file", headerClassName: "text-slate-600" }, ...columns.map((c) => ({ header: c.header, headerClassName: "whitespace-nowrap" }))]}
          />
          <tbody>
            <tr className={`${rowClass} bg-blue-50/50 align-top`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                Flow field
              </th>
              {columns.map((c) => (
                <td key={c.column} className="px-3 py-2">
                  <select
                    aria-label={`Flow field for column ${c.header}`}
                    value={selection[c.column] ?? ""}
                    onChange={(e) => choose(c.column, e.target.value || null)}
                    className={`${inputClass} min-w-44`}
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
              ))}
            </tr>
            {preview.map((row) => (
              <tr key={row.line} className={rowClass}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal text-slate-600">
                  Line {row.line}
                  {row.problem && <span className="block text-xs text-amber-900">{row.problem}</span>}
                </th>
                {columns.map((c) => (
                  <td key={c.column} className={`px-3 py-1.5 ${selection[c.column] === null ? "text-slate-500 line-through" : ""}`}>
                    <span className="block max-w-56 truncate">{row.cells[c.column] ?? ""}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="status" className="space-y-2">
        {note && <p className="text-sm text-slate-700">{note}</p>}
        {missing.length > 0 && (
          <Notice tone="info">
            Required fields not mapped yet: {missing.map((f) => labelOf.get(f) ?? f).join(", ")}. Rows without them will fail validation.
          </Notice>
        )}
      </div>
      {state?.status === "error" && <Notice tone="error">{state.message}</Notice>}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Save mapping and validate"}
      </button>
    </form>
  );
}
