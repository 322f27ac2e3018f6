"use client";

import { ShownOnce } from "@/app/_components/shown-once";
// The import webhook of the account or of one source (docs/api.md, "When an import ends"). Saving a
// URL shows its new signing secret once; only the receiver needs it, and saving again makes a new one.
import { useActionState, useId } from "react";
import { ConfirmSubmit } from "@/app/_components/confirm-submit";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import type { ImportWebhookState } from "./import-webhook-state";

type Props = {
  action: (prev: ImportWebhookState, formData: FormData) => Promise<ImportWebhookState>;
  url: string | null;
  /** Hidden fields the action needs (a source's id). */
  fields?: Record<string, string>;
  hint: string;
};

export function ImportWebhookForm({ action, url, fields = {}, hint }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const id = useId();
  const current = state.status === "saved" ? state.url : state.status === "removed" ? null : url;
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-2">
        {hidden}
        <input type="hidden" name="intent" value="save" />
        <label htmlFor={id} className={labelClass}>
          Import webhook URL
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input id={id} name="url" type="url" required defaultValue={current ?? ""} placeholder="https://example.com/leadport-imports" aria-describedby={`${id}-hint`} className={`${inputClass} min-w-0 flex-1`} />
          <button type="submit" disabled={pending} className={buttonClass("secondary")}>
            {pending ? "Saving…" : "Save webhook"}
          </button>
        </div>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      </form>
      {current && (
        <form action={formAction}>
          {hidden}
          <input type="hidden" name="intent" value="remove" />
          <ConfirmSubmit warning="Imports that end from now on are not announced to this URL." confirmLabel="Yes, remove it" pending={pending}>
            Remove webhook
          </ConfirmSubmit>
        </form>
      )}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "removed" && <Notice tone="ok">Webhook removed.</Notice>}
      {state.status === "saved" && (
        <Notice tone="ok">
          <ShownOnce
            label="Saved. Signing secret, shown this once (the receiver checks the Leadport-Signature header with it):"
            value={state.secret}
            copyLabel="Copy the signing secret"
          />
        </Notice>
      )}
    </div>
  );
}
