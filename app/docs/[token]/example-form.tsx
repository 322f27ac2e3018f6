"use client";

// The interactive example: type sample values, pick a method, see the exact curl command, send it as a
// test lead and read the real reply.
import { useActionState, useState } from "react";
import { CopyButton } from "@/app/_components/copy-button";
import { submitKeepingValues } from "@/app/_components/submit-keeping-values";
import { buttonClass, inputClass, OutcomeBadge } from "@/app/_components/ui";
import { asTestLead, curlCommand, EXAMPLE_METHODS, exampleMethods, exampleRequest, sampleValues, type ExampleMethod } from "@/lib/sources/example-request";
import { sendExampleAction, type ExampleState } from "./actions";

type Field = { id: string; label: string; type: string; required: boolean; examples: string[] };
type Props = { token: string; submitUrl: string; fields: Field[]; requireApiKey: boolean };

export function ExampleForm({ token, submitUrl, fields, requireApiKey }: Props) {
  const [state, action, pending] = useActionState<ExampleState, FormData>(sendExampleAction, { status: "idle" });
  const [method, setMethod] = useState<ExampleMethod>("form");
  const [values, setValues] = useState(() => sampleValues(fields));
  const curl = curlCommand(exampleRequest({ submitUrl, method, data: asTestLead(values) }), requireApiKey ? { apiKey: "YOUR_API_KEY" } : {});
  return (
    <form onSubmit={submitKeepingValues(action)} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <fieldset>
        <legend className="text-sm font-medium">Method</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {exampleMethods.map((m) => (
            <label key={m} className={`flex cursor-pointer items-center gap-2 rounded border px-3 py-1.5 text-sm ${m === method ? "border-blue-600 bg-blue-50 text-blue-900" : "border-slate-300 bg-white"}`}>
              <input type="radio" name="method" value={m} checked={m === method} onChange={() => setMethod(m)} />
              {EXAMPLE_METHODS[m]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Sample values</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {fields.map((f) => (
            <div key={f.id}>
              <label htmlFor={`example-${f.id}`} className="block text-sm">
                {f.label} <code className="text-xs text-slate-600">{f.id}</code>
                {f.required && <span className="ml-1 text-xs font-semibold text-red-800">required</span>}
              </label>
              <input
                id={`example-${f.id}`}
                name={`field.${f.id}`}
                value={values[f.id] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [f.id]: e.target.value }))}
                className={`${inputClass} mt-1 w-full`}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-medium">Request</h3>
          <CopyButton text={curl} label="Copy the curl command" />
        </div>
        <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
          <code>{curl}</code>
        </pre>
        {requireApiKey && <p className="mt-1 text-xs text-slate-600">Replace YOUR_API_KEY with your key. This page sends the example without it.</p>}
      </div>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Sending…" : "Send test lead"}
      </button>
      <div aria-live="polite">
        {state.status === "error" && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        )}
        {state.status === "sent" && (
          <div data-testid="example-reply">
            <h3 className="flex items-center gap-2 text-sm font-medium">
              Reply: HTTP {state.httpStatus} <span className="font-normal text-slate-600">{state.contentType}</span> <OutcomeBadge outcome={state.outcome} />
            </h3>
            <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-4 text-xs text-slate-900">
              <code>{state.reply}</code>
            </pre>
          </div>
        )}
      </div>
    </form>
  );
}
