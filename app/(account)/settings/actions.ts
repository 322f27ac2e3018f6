"use server";

import { revalidatePath } from "next/cache";
import { updateAccountSettings } from "@/lib/settings/account-settings";
import { actorFor, refusal, type ErrorState } from "./action-helpers";

export type AccountSettingsState =
  | { status: "idle" }
  | { status: "ok"; changed: boolean }
  | { status: "invalid"; fieldErrors: Partial<Record<"name" | "timeZone", string>> }
  | ErrorState;

export async function updateAccountSettingsAction(_prev: AccountSettingsState, formData: FormData): Promise<AccountSettingsState> {
  const who = await actorFor("settings:write");
  if (!("actor" in who)) return who;
  const result = await updateAccountSettings(who.actor, { name: formData.get("name") ?? "", timeZone: formData.get("timeZone") ?? "" });
  if (result.status === "forbidden" || result.status === "not_found") return refusal(result);
  // The name is in every page's header; the time zone changes reports and the Leads view.
  if (result.status === "ok" && result.changed) revalidatePath("/", "layout");
  return result;
}
