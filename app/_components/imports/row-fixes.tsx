"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import type { WizardScope } from "@/lib/imports/wizard-scope";
import { correctRowAction, replaceInColumnAction, type ReplaceState, type RowFixState } from "./row-fix-actions";

// Fixing bad rows in place (issue #16): a row's cells edited in the browser, or one value replaced in
// a column across every row with problems. Saving checks the rows again on the server; the page is
// then shown again, so a fixed row leaves the list and the counts move.

type Ids = { scope: WizardScope; id: string };

export function RowEditor({ scope, id, line, label, headers, cells }: Ids & { line: number; label: string; headers: string[]; cells: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState(cells);
  const [answer, setAnswer] = useState<RowFixState | null>(null);
  const [pending, startTransition] = useTransition();
  const changed = Object.fromEntries(headers.flatMap((header, column) => (values[column] !== (cells[column] ?? "") ? [[header, values[column] ?? ""]] : [])));
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await correctRowAction({ scope, id, line, fields: changed });
      setAnswer(result);
      if (result.status === "ok") router.refresh();
    });
  };
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-blue-800">Fix {label}</summary>
      <form onSubmit={save} aria-label={`Cells of ${label}`} className="mt-2 space-y-3">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {headers.map((header, column) => (
            <label key={column} className="block">
              <span className={labelClass}>{header}</span>
              <input
                className={`${inputClass} mt-1 w-full`}
                value={values[column] ?? ""}
                onChange={(e) => setValues((v) => v.map((cell, i) => (i === column ? e.target.value : cell)))}
              />
            </label>
          ))}
        </div>
        <button type="submit" disabled={pending || Object.keys(changed).length === 0} className={buttonClass("primary")}>
          {pending ? "Checking…" : "Save and check again"}
        </button>
        <RowAnswer answer={answer} />
      </form>
    </details>
  );
}

function RowAnswer({ answer }: { answer: RowFixState | null }) {
  if (!answer) return null;
  if (answer.status === "error") return <Notice tone="error">{answer.message}</Notice>;
  const still = [...answer.problems.map((p) => p.reason), ...(answer.duplicateOfLine === null ? [] : [`Duplicate of line ${answer.duplicateOfLine}`])];
  return (
    <p role="status" className="text-sm text-slate-700">
      {still.length === 0 ? "Saved: the row passes now." : `Saved, but the row still has problems: ${still.join("; ")}.`}
    </p>
  );
}

export function ReplaceForm({ scope, id, headers }: Ids & { headers: string[] }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<ReplaceState | null>(null);
  const [pending, startTransition] = useTransition();
  const columnId = useId();
  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await replaceInColumnAction({ scope, id, column: form.get("column"), find: form.get("find"), replace: form.get("replace") });
      setAnswer(result);
      if (result.status === "ok") router.refresh();
    });
  return (
    <form action={submit} aria-label="Replace a value in a column" className="mt-3 flex flex-wrap items-end gap-3">
      <label className="block">
        <span className={labelClass}>Replace</span>
        <input name="find" className={`${inputClass} mt-1`} placeholder="empty cells" />
      </label>
      <label className="block">
        <span className={labelClass}>With</span>
        <input name="replace" className={`${inputClass} mt-1`} />
      </label>
      {/* Labelled by id, not by wrapping: a wrapping label's name would take in the chosen option's text. */}
      <div className="block">
        <label htmlFor={columnId} className={labelClass}>
          In column
        </label>
        <select id={columnId} name="column" className={`${inputClass} mt-1 block`}>
          {headers.map((header) => (
            <option key={header}>{header}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? "Replacing…" : "Replace in rows with problems"}
      </button>
      {answer?.status === "error" && <Notice tone="error">{answer.message}</Notice>}
      {answer?.status === "ok" && (
        <p role="status" className="w-full text-sm text-slate-700">
          {answer.corrected === 0
            ? "No row with problems has that value in this column."
            : `Replaced in ${answer.corrected} ${answer.corrected === 1 ? "row" : "rows"}; ${answer.fixed} of them ${answer.fixed === 1 ? "passes" : "pass"} now.`}
        </p>
      )}
    </form>
  );
}
