"use client";

import { ShownOnce } from "@/app/_components/shown-once";
import { useActionState, useId } from "react";
import { buttonClass, inputClass, labelClass, Notice } from "@/app/_components/ui";
import { ROLE_LABELS, ROLE_SUMMARIES, type HolderRole } from "@/lib/auth/roles";
import { invitePersonAction, type InviteState } from "./actions";

// Invites someone by email; the link appears here once, to copy (and is mailed when mail is set up).
export function InviteForm({ roles }: { roles: HolderRole[] }) {
  const [state, action, pending] = useActionState<InviteState, FormData>(invitePersonAction, { status: "idle" });
  const id = useId();
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const described = (field: "email" | "role") => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor={`${id}-email`} className={labelClass}>
            Email
          </label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="off" placeholder="colleague@example.com" className={`${inputClass} mt-1 w-72`} {...described("email")} />
        </div>
        <div>
          <label htmlFor={`${id}-role`} className={labelClass}>
            Role
          </label>
          <select id={`${id}-role`} name="role" defaultValue="viewer" className={`${inputClass} mt-1`} {...described("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}: {ROLE_SUMMARIES[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Inviting…" : "Invite"}
        </button>
      </form>
      {(["email", "role"] as const).map((field) =>
        errors[field] ? (
          <p key={field} id={`${id}-${field}-error`} className="text-sm font-medium text-red-700">
            {errors[field]}
          </p>
        ) : null,
      )}
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {state.status === "invited" && <InvitationLink state={state} />}
    </div>
  );
}

function InvitationLink({ state }: { state: Extract<InviteState, { status: "invited" }> }) {
  return (
    <Notice tone="ok">
      <p className="font-medium">
        {state.email} is invited as {ROLE_LABELS[state.role]}. {state.mailed ? "We emailed them the link." : "Send them this link yourself."}
      </p>
      <ShownOnce
        label="Invitation link, shown this once (it works once and expires in 7 days):"
        value={state.url}
        copyLabel="Copy invitation link"
        wide
        labelClassName="mt-2 block"
      />
    </Notice>
  );
}
