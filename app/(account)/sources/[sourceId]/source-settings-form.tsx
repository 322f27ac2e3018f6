"use client";

import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { updateSourceSettingsAction, type SourceFormState } from "./actions";

// readOnly (a viewer): the settings are shown, disabled, with no Save.
type Props = { sourceId: string; name: string; contact: string; enabled: boolean; requireApiKey: boolean; readOnly?: boolean };

export function SourceSettingsForm({ sourceId, name, contact, enabled, requireApiKey, readOnly = false }: Props) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(updateSourceSettingsAction, { status: "idle" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const described = (field: string) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
  const problem = (field: string) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-xs font-medium text-red-700">
        {errors[field]}
      </p>
    ) : null;
  return (
    <form action={action} noValidate>
      <fieldset disabled={readOnly} className="space-y-4">
        <input type="hidden" name="sourceId" value={sourceId} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-name`} className={labelClass}>
              Name
            </label>
            <input id={`${id}-name`} name="name" defaultValue={name} className={`${inputClass} mt-1 w-full`} {...described("name")} />
            {problem("name")}
          </div>
          <div>
            <label htmlFor={`${id}-contact`} className={labelClass}>
              Contact shown on the Submission Docs
            </label>
            <input id={`${id}-contact`} name="contact" defaultValue={contact} placeholder="leads@yourcompany.com" className={`${inputClass} mt-1 w-full`} {...described("contact")} />
            {problem("contact")}
          </div>
        </div>
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="enabled" defaultChecked={enabled} className="h-4 w-4" />
            Enabled: the source can send leads and open its Submission Docs
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="requireApiKey" defaultChecked={requireApiKey} className="h-4 w-4" />
            Require the API key on every submission
          </label>
        </div>
        {!readOnly && (
          <div className="flex items-center gap-3">
            <button type="submit" disabled={pending} className={buttonClass("primary")}>
              {pending ? "Saving…" : "Save settings"}
            </button>
          </div>
        )}
        {state.status === "ok" && <Notice tone="ok">{state.message}</Notice>}
        {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      </fieldset>
    </form>
  );
}
