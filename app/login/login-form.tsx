"use client";

import { useActionState } from "react";
import { loginAction, type LoginState } from "./actions";

export function LoginForm() {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, { status: "idle" });
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  const email = state.status === "idle" ? "" : state.email;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <Field name="email" label="Email" type="email" autoComplete="username" defaultValue={email} error={fieldErrors.email} />
      {/* The password is never sent back, so it has no default: a failed sign-in asks for it again. */}
      <Field name="password" label="Password" type="password" autoComplete="current-password" error={fieldErrors.password} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

type FieldProps = { name: "email" | "password"; label: string; type: string; autoComplete: string; defaultValue?: string; error?: string };

// A labelled input with its error below it, tied by aria-describedby so screen readers read both.
function Field({ name, label, type, autoComplete, defaultValue, error }: FieldProps) {
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
        aria-describedby={error ? `${name}-error` : undefined}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
