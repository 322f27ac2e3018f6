"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import type { FieldErrors } from "@/lib/flows/validate-config";
import { isId } from "@/lib/ids";
import { parseJson } from "@/lib/parse-json";
import { replyFormatSchema } from "@/lib/flow/model";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/session";
import { removeImportWebhook, saveImportWebhook } from "@/lib/notifications/webhooks";
import { actorOf } from "@/lib/people/actor";
import { webhookState, type ImportWebhookState } from "../../settings/import-webhook-state";
import { rotateApiKey, rotateDocsLink, saveSourceConfig, setSourceReplyFormat, updateSourceSettings } from "@/lib/sources/manage";

export type SourceFormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "error"; message: string };

export type RotateKeyState = { status: "idle" } | { status: "rotated"; apiKey: string } | { status: "error"; message: string };

const sourceId = z.string().refine(isId);
const GONE = "This source no longer exists.";
const STALE_FORM = "This form is out of date. Reload the page and try again.";

const settingsInput = z.object({
  sourceId,
  name: z.string().trim().min(1, "Give the source a name").max(120, "Keep the name under 120 characters"),
  contact: z.string().trim().max(200, "Keep the contact under 200 characters"),
  // Unchecked boxes are absent from the form data.
  enabled: z.literal("on").optional(),
  requireApiKey: z.literal("on").optional(),
});

export async function updateSourceSettingsAction(_prev: SourceFormState, formData: FormData): Promise<SourceFormState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = settingsInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return fieldErrors.sourceId ? { status: "error", message: STALE_FORM } : { status: "invalid", fieldErrors };
  }
  const { name, contact, enabled, requireApiKey } = parsed.data;
  const settings = { name, contact, enabled: enabled === "on", requireApiKey: requireApiKey === "on" };
  const result = await updateSourceSettings(caller.holder.accountId, parsed.data.sourceId, settings, caller.actor);
  if (result.status === "not_found") return { status: "error", message: GONE };
  revalidatePath(`/sources/${parsed.data.sourceId}`);
  return { status: "ok", message: "Settings saved." };
}

const idInput = z.object({ sourceId });

// The new key is in this reply only; the old one stops working at once.
export async function rotateApiKeyAction(_prev: RotateKeyState, formData: FormData): Promise<RotateKeyState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = idInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: STALE_FORM };
  const result = await rotateApiKey(caller.holder.accountId, parsed.data.sourceId, caller.actor);
  return result.status === "ok" ? { status: "rotated", apiKey: result.apiKey } : { status: "error", message: GONE };
}

export async function rotateDocsLinkAction(_prev: SourceFormState, formData: FormData): Promise<SourceFormState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = idInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: STALE_FORM };
  const result = await rotateDocsLink(caller.holder.accountId, parsed.data.sourceId, caller.actor);
  if (result.status === "not_found") return { status: "error", message: GONE };
  revalidatePath(`/sources/${parsed.data.sourceId}`);
  return { status: "ok", message: "New link made. The old link no longer works." };
}

const configInput = z.object({ sourceId, config: z.string().max(1_000_000) });

export async function saveSourceConfigAction(_prev: SourceFormState, formData: FormData): Promise<SourceFormState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = configInput.safeParse(Object.fromEntries(formData));
  const config = parsed.success ? parseJson(parsed.data.config) : undefined;
  if (!parsed.success || config === undefined) return { status: "error", message: STALE_FORM };
  const result = await saveSourceConfig(caller.holder.accountId, parsed.data.sourceId, config);
  if (result.status === "not_found") return { status: "error", message: GONE };
  if (result.status === "invalid") return result;
  revalidatePath(`/sources/${parsed.data.sourceId}`);
  return { status: "ok", message: "Criteria, pricing and caps saved." };
}

const replyFormatInput = z.object({ sourceId, replyFormat: replyFormatSchema });

// Only the reply format: the criteria save keeps it, and this keeps the criteria.
export async function saveReplyFormatAction(_prev: SourceFormState, formData: FormData): Promise<SourceFormState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = replyFormatInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: STALE_FORM };
  const result = await setSourceReplyFormat(caller.holder.accountId, parsed.data.sourceId, parsed.data.replyFormat);
  if (result.status === "not_found") return { status: "error", message: GONE };
  revalidatePath(`/sources/${parsed.data.sourceId}`);
  return { status: "ok", message: "Reply format saved." };
}

/** Sets (intent=save, with a new signing secret shown once) or removes this source's import webhook. */
export async function sourceImportWebhookAction(_prev: ImportWebhookState, formData: FormData): Promise<ImportWebhookState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = idInput.safeParse({ sourceId: formData.get("sourceId") });
  if (!parsed.success) return { status: "error", message: STALE_FORM };
  const actor = actorOf(caller.holder);
  const target = { type: "source", sourceId: parsed.data.sourceId } as const;
  const result = formData.get("intent") === "remove" ? await removeImportWebhook(actor, target) : await saveImportWebhook(actor, target, formData.get("url") ?? "");
  if (result.status === "ok") revalidatePath(`/sources/${parsed.data.sourceId}`);
  return webhookState(result, GONE, FORBIDDEN_MESSAGE);
}
