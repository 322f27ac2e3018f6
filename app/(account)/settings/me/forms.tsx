"use client";

import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { changePasswordAction, renameSelfAction, signOutOtherSessionsAction, type NameState, type PasswordState, type SessionsState } from "./actions";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  ) : null;
}

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<NameState, FormData>(renameSelfAction, { status: "idle" });
  const id = useId();
  const error = state.status === "invalid" ? state.fieldErrors.name : undefined;
  return (
    <form action={action} className="space-y-2" noValidate>
      <label htmlFor={`${id}-name`} className={labelClass}>
        Your name
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-name`}
          name="name"
          defaultValue={name}
          autoComplete="name"
          className={`${inputClass} w-72`}
          {...(error ? { "aria-invalid": true, "aria-describedby": `${id}-name-error` } : {})}
        />
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          Save name
        </button>
      </div>
      <FieldError id={`${id}-name-error`} message={error} />
      {state.status === "ok" && <Notice tone="ok">Name saved.</Notice>}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}

const PASSWORD_FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password" },
  { name: "next", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "New password again", autoComplete: "new-password" },
] as const;

export function PasswordForm({ hint, email }: { hint: string; email: string }) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, { status: "idle" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      {/* The account's email helps password managers file the new password under the right entry. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {PASSWORD_FIELDS.map((field) => {
        const error = errors[field.name];
        const describedBy = [field.name === "next" ? `${id}-hint` : "", error ? `${id}-${field.name}-error` : ""].filter(Boolean).join(" ");
        return (
          <div key={field.name}>
            <label htmlFor={`${id}-${field.name}`} className={labelClass}>
              {field.label}
            </label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              className={`${inputClass} mt-1 w-72`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            {field.name === "next" && (
              <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
                {hint}
              </p>
            )}
            <FieldError id={`${id}-${field.name}-error`} message={error} />
          </div>
        );
      })}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Changing…" : "Change password"}
      </button>
      {state.status === "ok" && (
        <Notice tone="ok">
          Password changed.{" "}
          {state.sessionsEnded === 1 ? "Your one other session ended." : state.sessionsEnded > 1 ? `Your ${state.sessionsEnded} other sessions ended.` : ""}
        </Notice>
      )}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}

export function SignOutOthers({ others }: { others: number }) {
  const [state, action, pending] = useActionState<SessionsState, FormData>(signOutOtherSessionsAction, { status: "idle" });
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending || others === 0} className={buttonClass("danger")}>
        Sign out of all other sessions
      </button>
      {state.status === "ok" && (
        <Notice tone="ok">{state.sessionsEnded === 1 ? "Signed out of 1 other session." : `Signed out of ${state.sessionsEnded} other sessions.`}</Notice>
      )}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
