"use client";

import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { updateAccountSettingsAction, type AccountSettingsState } from "./actions";

type Props = { name: string; timeZone: string; zones: string[] };

export function AccountSettingsForm({ name, timeZone, zones }: Props) {
  const [state, action, pending] = useActionState<AccountSettingsState, FormData>(updateAccountSettingsAction, { status: "idle" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const described = (field: "name" | "timeZone") => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-name`} className={labelClass}>
          Account name
        </label>
        <input id={`${id}-name`} name="name" defaultValue={name} className={`${inputClass} mt-1 w-80`} {...described("name")} />
        {errors.name && (
          <p id={`${id}-name-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.name}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-zone`} className={labelClass}>
          Time zone
        </label>
        <select id={`${id}-zone`} name="timeZone" defaultValue={timeZone} aria-describedby={`${id}-zone-hint`} className={`${inputClass} mt-1 w-80`} {...described("timeZone")}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id={`${id}-zone-hint`} className="mt-1 text-xs text-slate-600">
          Reports count days, and the Leads view shows times, in this zone.
        </p>
        {errors.timeZone && (
          <p id={`${id}-timeZone-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.timeZone}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Save settings"}
      </button>
      {state.status === "ok" && <Notice tone="ok">{state.changed ? "Settings saved." : "Nothing to change."}</Notice>}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
