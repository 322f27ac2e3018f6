"use client";

import { useActionState } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { createFlowAction, type NewFlowState } from "./actions";

export function NewFlowForm({ starters }: { starters: Record<string, string> }) {
  const [state, action, pending] = useActionState<NewFlowState, FormData>(createFlowAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <div>
        <label htmlFor="flow-name" className={labelClass}>
          Name
        </label>
        <input
          id="flow-name"
          name="name"
          defaultValue={state.status === "invalid" ? state.name : ""}
          placeholder="Mortgage leads"
          className={`${inputClass} mt-1 w-full`}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "flow-name-error" : undefined}
        />
        {errors.name && (
          <p id="flow-name-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.name}
          </p>
        )}
      </div>
      <fieldset>
        <legend className={labelClass}>Start with</legend>
        <div className="mt-2 space-y-2">
          {Object.entries(starters).map(([value, label], i) => (
            <label key={value} className="flex items-start gap-2 rounded border border-slate-200 p-3 text-sm hover:bg-slate-50">
              <input type="radio" name="starter" value={value} defaultChecked={i === 0} className="mt-0.5" />
              {label}
            </label>
          ))}
        </div>
        {errors.starter && <p className="mt-1 text-sm font-medium text-red-700">{errors.starter}</p>}
      </fieldset>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Creating…" : "Create flow"}
      </button>
    </form>
  );
}
