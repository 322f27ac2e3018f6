"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import type { FieldErrors } from "@/lib/flows/validate-config";
import { revertFlow, saveFlow, type SaveFlowResult } from "@/lib/flows/save-flow";
import { setFlowEnabled } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { parseJson } from "@/lib/parse-json";

export type SaveFlowState =
  | { status: "idle" }
  | { status: "ok"; version: number }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "error"; message: string };

const flowIdSchema = z.string().refine(isId);
const saveInput = z.object({
  flowId: flowIdSchema,
  expectedVersion: z.coerce.number().int().positive(),
  name: z.string().max(1000),
  config: z.string().max(2_000_000),
});

const STALE_FORM = "This form is out of date. Reload the page and try again.";

function toState(flowId: string, result: SaveFlowResult): SaveFlowState {
  if (result.status === "not_found") return { status: "error", message: "This flow no longer exists." };
  if (result.status === "conflict") return { status: "error", message: result.message };
  if (result.status === "ok") revalidatePath(`/flows/${flowId}`, "layout");
  return result;
}

// The editor posts the whole FlowConfig as JSON; lib/flows validates it and saves it as a new version.
export async function saveFlowAction(_prev: SaveFlowState, formData: FormData): Promise<SaveFlowState> {
  const caller = await actionCaller("flows:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = saveInput.safeParse(Object.fromEntries(formData));
  const config = parsed.success ? parseJson(parsed.data.config) : undefined;
  if (!parsed.success || config === undefined) return { status: "error", message: STALE_FORM };
  const { flowId, expectedVersion, name } = parsed.data;
  const result = await saveFlow({ accountId: caller.holder.accountId, actor: caller.actor, flowId, expectedVersion, name, config });
  return toState(flowId, result);
}

const revertInput = z.object({ flowId: flowIdSchema, version: z.coerce.number().int().positive(), expectedVersion: z.coerce.number().int().positive() });

export async function revertFlowAction(_prev: SaveFlowState, formData: FormData): Promise<SaveFlowState> {
  const caller = await actionCaller("flows:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = revertInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: STALE_FORM };
  const result = await revertFlow({ accountId: caller.holder.accountId, actor: caller.actor, ...parsed.data });
  if (result.status === "invalid") return { status: "error", message: `Version ${parsed.data.version} no longer passes today's checks, so it cannot be restored as it is.` };
  return toState(parsed.data.flowId, result);
}

const enabledInput = z.object({ flowId: flowIdSchema, enabled: z.enum(["true", "false"]) });

// A plain form post (works without JavaScript): the header's Enable / Disable button. It has no state
// to answer in; a role that may not change flows changes nothing (and is not shown the button).
export async function setFlowEnabledAction(formData: FormData): Promise<void> {
  const caller = await actionCaller("flows:write");
  if (caller.status === "forbidden") return;
  const parsed = enabledInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  if (await setFlowEnabled(caller.holder.accountId, parsed.data.flowId, parsed.data.enabled === "true", caller.actor)) {
    revalidatePath("/flows", "layout");
  }
}
