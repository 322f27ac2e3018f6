"use client";

import { useActionState } from "react";
import { AccountFieldInput } from "@/app/_components/account-form";
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
      <AccountFieldInput name="email" label="Email" type="email" autoComplete="username" defaultValue={email} error={fieldErrors.email} />
      {/* The password is never sent back, so it has no default: a failed sign-in asks for it again. */}
      <AccountFieldInput name="password" label="Password" type="password" autoComplete="current-password" error={fieldErrors.password} />
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
