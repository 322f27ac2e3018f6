"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isId } from "@/lib/ids";
import type { HolderRole } from "@/lib/auth/roles";
import { NOT_FOUND } from "@/lib/people/actor";
import { invitePerson, revokeInvitation } from "@/lib/people/invitations";
import { changeRole, makeResetLink, removePerson } from "@/lib/people/manage";
import { actorFor, refusal, type ErrorState } from "../action-helpers";

export type InviteState =
  | { status: "idle" }
  | { status: "invited"; email: string; role: HolderRole; url: string; mailed: boolean }
  | { status: "invalid"; fieldErrors: Partial<Record<"email" | "role", string>> }
  | ErrorState;

export type PersonState = { status: "idle" } | { status: "ok"; message: string } | ErrorState;
export type ResetLinkState = { status: "idle" } | { status: "made"; email: string; url: string } | ErrorState;

const PATH = "/settings/people";
const idFrom = (formData: FormData, name: string) => {
  const value = String(formData.get(name) ?? "");
  return isId(value) ? value : null;
};
const gone = refusal(NOT_FOUND);

// The invitation link is in this reply and nowhere else: only its hash is stored.
export async function invitePersonAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  const who = await actorFor("people:manage");
  if (!("actor" in who)) return who;
  const result = await invitePerson(who.actor, { email: formData.get("email") ?? "", role: formData.get("role") ?? "" });
  if (result.status === "invalid") return result;
  if (result.status !== "ok") return refusal(result);
  revalidatePath(PATH);
  return { status: "invited", email: result.email, role: result.role, url: result.url, mailed: result.mail === "sent" };
}

export async function revokeInvitationAction(_prev: PersonState, formData: FormData): Promise<PersonState> {
  const who = await actorFor("people:manage");
  if (!("actor" in who)) return who;
  const id = idFrom(formData, "invitationId");
  if (!id) return gone;
  const result = await revokeInvitation(who.actor, id);
  if (result.status !== "ok") return refusal(result);
  revalidatePath(PATH);
  return { status: "ok", message: "Invitation revoked: its link no longer works." };
}

// Changing your own role ends your sessions too, so you go to sign-in.
export async function changeRoleAction(_prev: PersonState, formData: FormData): Promise<PersonState> {
  const who = await actorFor("people:manage");
  if (!("actor" in who)) return who;
  const id = idFrom(formData, "personId");
  if (!id) return gone;
  const result = await changeRole(who.actor, { personId: id, role: formData.get("role") ?? "" });
  if (result.status === "invalid") return { status: "error", message: "Pick a role." };
  if (result.status !== "ok") return refusal(result);
  if (id === who.actor.id) redirect("/login");
  revalidatePath(PATH);
  return { status: "ok", message: "Role changed. Their sessions ended; the new role applies when they sign in again." };
}

export async function removePersonAction(_prev: PersonState, formData: FormData): Promise<PersonState> {
  const who = await actorFor("people:manage");
  if (!("actor" in who)) return who;
  const id = idFrom(formData, "personId");
  if (!id) return gone;
  const result = await removePerson(who.actor, id);
  if (result.status !== "ok") return refusal(result);
  if (id === who.actor.id) redirect("/login");
  revalidatePath(PATH);
  return { status: "ok", message: "Removed. Their sessions ended." };
}

// The reset link is in this reply once, for the admin to pass on.
export async function makeResetLinkAction(_prev: ResetLinkState, formData: FormData): Promise<ResetLinkState> {
  const who = await actorFor("people:manage");
  if (!("actor" in who)) return who;
  const id = idFrom(formData, "personId");
  if (!id) return gone;
  const result = await makeResetLink(who.actor, id);
  if (result.status !== "ok") return refusal(result);
  revalidatePath(PATH);
  return { status: "made", email: result.email, url: result.url };
}
