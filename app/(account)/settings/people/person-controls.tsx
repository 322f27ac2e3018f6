"use client";

import { ShownOnce } from "@/app/_components/shown-once";
import { useActionState, useId } from "react";
import { ConfirmSubmit } from "@/app/_components/confirm-submit";
import { buttonClass, inputClass, Notice } from "@/app/_components/ui";
import { ROLE_LABELS, type HolderRole } from "@/lib/auth/roles";
import { changeRoleAction, makeResetLinkAction, removePersonAction, revokeInvitationAction, type PersonState, type ResetLinkState } from "./actions";

type Props = { personId: string; email: string; role: HolderRole; roles: HolderRole[]; isSelf: boolean };

// What an owner or admin may do to one person: change the role, make a reset link, remove them.
// The server checks each again; these controls are only offered where the role allows them.
export function PersonControls({ personId, email, role, roles, isSelf }: Props) {
  const id = useId();
  const [roleState, roleAction, rolePending] = useActionState<PersonState, FormData>(changeRoleAction, { status: "idle" });
  const [resetState, resetAction, resetPending] = useActionState<ResetLinkState, FormData>(makeResetLinkAction, { status: "idle" });
  const [removeState, removeAction, removePending] = useActionState<PersonState, FormData>(removePersonAction, { status: "idle" });
  const who = isSelf ? "yourself" : email;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {roles.length > 1 && (
          <form action={roleAction} className="flex items-center gap-1">
            <input type="hidden" name="personId" value={personId} />
            <label htmlFor={`${id}-role`} className="sr-only">
              New role for {who}
            </label>
            <select id={`${id}-role`} name="role" defaultValue={role} className={inputClass}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button type="submit" disabled={rolePending} className={buttonClass("secondary", "sm")}>
              Change role<span className="sr-only"> of {who}</span>
            </button>
          </form>
        )}
        <form action={resetAction}>
          <input type="hidden" name="personId" value={personId} />
          <button type="submit" disabled={resetPending} className={buttonClass("quiet", "sm")}>
            Reset link<span className="sr-only"> for {who}</span>
          </button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="personId" value={personId} />
          <ConfirmSubmit warning={isSelf ? "Remove yourself? You are signed out at once." : `Remove ${email}? Their sessions end at once.`} confirmLabel="Remove" pending={removePending}>
            Remove<span className="sr-only"> {who}</span>
          </ConfirmSubmit>
        </form>
      </div>
      {[roleState, removeState, resetState].map((state, i) =>
        state.status === "error" ? (
          <Notice key={i} tone="error">
            {state.message}
          </Notice>
        ) : state.status === "ok" ? (
          <Notice key={i} tone="ok">
            {state.message}
          </Notice>
        ) : null,
      )}
      {resetState.status === "made" && <ResetLink email={resetState.email} url={resetState.url} />}
    </div>
  );
}

function ResetLink({ email, url }: { email: string; url: string }) {
  return (
    <Notice tone="ok">
      <ShownOnce label={`Password reset link for ${email}, shown this once (works once, for 24 hours):`} value={url} copyLabel={`Copy reset link for ${email}`} />
    </Notice>
  );
}

export function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState<PersonState, FormData>(revokeInvitationAction, { status: "idle" });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <ConfirmSubmit warning={`Revoke the invitation for ${email}?`} confirmLabel="Revoke" pending={pending}>
        Revoke<span className="sr-only"> the invitation for {email}</span>
      </ConfirmSubmit>
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
    </form>
  );
}
