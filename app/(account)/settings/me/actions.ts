"use server";

import { revalidatePath } from "next/cache";
import { currentSessionHash } from "@/lib/people/current-session";
import { changePassword, renameSelf, signOutOtherSessions } from "@/lib/people/your-account";
import { actorFor, type ErrorState } from "../action-helpers";

export type NameState = { status: "idle" } | { status: "ok"; name: string } | { status: "invalid"; fieldErrors: Partial<Record<"name", string>> } | ErrorState;
export type PasswordState =
  | { status: "idle" }
  | { status: "ok"; sessionsEnded: number }
  | { status: "invalid"; fieldErrors: Partial<Record<"current" | "next" | "confirm", string>> }
  | ErrorState;
export type SessionsState = { status: "idle" } | { status: "ok"; sessionsEnded: number } | ErrorState;

const PATH = "/settings/me";
const gone: ErrorState = { status: "error", message: "Your sign-in is no longer in this account. Sign in again." };

// Everyone may change their own name and password: "read" is every role's permission.
export async function renameSelfAction(_prev: NameState, formData: FormData): Promise<NameState> {
  const who = await actorFor("read");
  if (!("actor" in who)) return who;
  const result = await renameSelf(who.actor, { name: formData.get("name") ?? "" });
  if (result.status === "not_found") return gone;
  if (result.status === "ok") revalidatePath("/", "layout");
  return result;
}

// The passwords are never echoed back in the state.
export async function changePasswordAction(_prev: PasswordState, formData: FormData): Promise<PasswordState> {
  const who = await actorFor("read");
  if (!("actor" in who)) return who;
  const result = await changePassword(who.actor, {
    current: formData.get("current"),
    next: formData.get("next"),
    confirm: formData.get("confirm"),
    currentSession: await currentSessionHash(),
  });
  if (result.status === "not_found") return gone;
  if (result.status === "throttled") return { status: "error", message: result.message };
  if (result.status === "ok") revalidatePath(PATH);
  return result;
}

export async function signOutOtherSessionsAction(): Promise<SessionsState> {
  const who = await actorFor("read");
  if (!("actor" in who)) return who;
  const current = await currentSessionHash();
  if (!current) return gone;
  const result = await signOutOtherSessions(who.actor, current);
  revalidatePath(PATH);
  return result;
}
