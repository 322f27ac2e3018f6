"use client";

import { ShownOnce } from "@/app/_components/shown-once";
import Link from "next/link";
import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { createSourceAction, type CreateSourceState } from "./actions";

type Props = { flows: Array<{ id: string; name: string }>; flowId?: string };

// Adds a source to a flow and shows its API key, once.
export function CreateSourceForm({ flows, flowId }: Props) {
  const [state, action, pending] = useActionState<CreateSourceState, FormData>(createSourceAction, { status: "idle" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const described = (field: keyof typeof errors) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        {flowId ? (
          <input type="hidden" name="flowId" value={flowId} />
        ) : (
          <div>
            <label htmlFor={`${id}-flow`} className={labelClass}>
              Flow
            </label>
            <select id={`${id}-flow`} name="flowId" className={`${inputClass} mt-1`} {...described("flowId")}>
              {flows.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>
            Source name
          </label>
          <input id={`${id}-name`} name="name" placeholder="Acme Leads" className={`${inputClass} mt-1 w-56`} {...described("name")} />
        </div>
        <div>
          <label htmlFor={`${id}-contact`} className={labelClass}>
            Contact for the source (optional)
          </label>
          <input id={`${id}-contact`} name="contact" placeholder="leads@yourcompany.com" className={`${inputClass} mt-1 w-64`} {...described("contact")} />
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Adding…" : "Add source"}
        </button>
      </form>
      {(["flowId", "name", "contact"] as const).map((field) =>
        errors[field] ? (
          <p key={field} id={`${id}-${field}-error`} className="text-sm font-medium text-red-700">
            {errors[field]}
          </p>
        ) : null,
      )}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "created" && <NewKey state={state} />}
    </div>
  );
}

function NewKey({ state }: { state: Extract<CreateSourceState, { status: "created" }> }) {
  return (
    <Notice tone="ok">
      <p className="font-medium">Source “{state.name}” added.</p>
      <ShownOnce label="Its API key, shown this once (only a hash is kept, so copy it now):" value={state.apiKey} copyLabel="Copy API key" labelClassName="mt-2 block" />
      <Link href={`/sources/${state.sourceId}`} className="mt-2 inline-block font-medium text-blue-800 underline">
        Open {state.name}: Submission Docs link, criteria and pricing
      </Link>
    </Notice>
  );
}
