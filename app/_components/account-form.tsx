"use client";

import { useActionState } from "react";
import type { AccountField } from "./account-fields";
import { IDLE_FORM, type AccountFormState } from "./account-form-state";

type Props = {
  action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
  fields: AccountField[];
  submitLabel: string;
  pendingLabel: string;
};

// The one form of the account pages (setup, invitation, reset, sign-up, forgot password), styled as
// the sign-in form: labelled fields, each error tied to its field, problems announced as alerts.
export function AccountForm({ action, fields, submitLabel, pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE_FORM);
  if (state.status === "done") {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        {state.message}
      </p>
    );
  }
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const values = state.status === "idle" ? {} : state.values;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === "error" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      )}
      {fields.map((field) => (
        // Passwords are never sent back, so a refused form asks for them again.
        <AccountFieldInput key={field.name} {...field} defaultValue={field.type === "password" ? undefined : values[field.name]} error={fieldErrors[field.name]} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

// A labelled input with its hint and error below it, tied by aria-describedby so screen readers read
// them. The sign-in form uses it too.
export function AccountFieldInput({ name, label, type, autoComplete, hint, defaultValue, error }: AccountField & { defaultValue?: string; error?: string }) {
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
      />
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
