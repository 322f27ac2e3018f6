"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import { isId } from "@/lib/ids";
import { createSource } from "@/lib/sources/manage";

export type CreateSourceState =
  | { status: "idle" }
  | { status: "created"; sourceId: string; name: string; apiKey: string }
  | { status: "invalid"; fieldErrors: Partial<Record<"name" | "contact" | "flowId", string>> }
  | { status: "error"; message: string };

const createInput = z.object({
  flowId: z.string().refine(isId, "Pick a flow"),
  name: z.string().trim().min(1, "Give the source a name").max(120, "Keep the name under 120 characters"),
  contact: z.string().trim().max(200, "Keep the contact under 200 characters").default(""),
});

// A new source's API key is in this reply and nowhere else: only its hash is stored.
export async function createSourceAction(_prev: CreateSourceState, formData: FormData): Promise<CreateSourceState> {
  const caller = await actionCaller("sources:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = createInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "contact" | "flowId", string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "name" | "contact" | "flowId"] ??= issue.message;
    return { status: "invalid", fieldErrors };
  }
  const result = await createSource({ accountId: caller.holder.accountId, ...parsed.data, actor: caller.actor });
  if (result.status === "not_found") return { status: "error", message: "That flow no longer exists." };
  revalidatePath("/sources");
  revalidatePath(`/flows/${parsed.data.flowId}`, "layout");
  return { status: "created", sourceId: result.sourceId, name: parsed.data.name, apiKey: result.apiKey };
}
