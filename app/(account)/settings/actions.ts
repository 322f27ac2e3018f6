"use server";

import { revalidatePath } from "next/cache";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { removeImportWebhook, saveImportWebhook } from "@/lib/notifications/webhooks";
import { updateAccountSettings } from "@/lib/settings/account-settings";
import { actorFor, refusal, type ErrorState } from "./action-helpers";
import { webhookState, type ImportWebhookState } from "./import-webhook-state";

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

/** Sets (intent=save, with a new signing secret shown once) or removes the account's import webhook. */
export async function accountImportWebhookAction(_prev: ImportWebhookState, formData: FormData): Promise<ImportWebhookState> {
  const who = await actorFor("settings:write");
  if (!("actor" in who)) return who;
  const target = { type: "account" } as const;
  const result = formData.get("intent") === "remove" ? await removeImportWebhook(who.actor, target) : await saveImportWebhook(who.actor, target, formData.get("url") ?? "");
  if (result.status === "ok") revalidatePath("/settings");
  return webhookState(result, "This account no longer exists.", FORBIDDEN_MESSAGE);
}
