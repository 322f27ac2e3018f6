"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import { createFlow, FLOW_STARTERS, flowNameSchema, type FlowStarter } from "@/lib/flows/save-flow";

export type NewFlowState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Partial<Record<"name" | "starter", string>>; name: string }
  | { status: "error"; message: string };

const newFlowInput = z.object({
  name: flowNameSchema,
  starter: z.enum(Object.keys(FLOW_STARTERS) as [FlowStarter, ...FlowStarter[]], "Pick how to start"),
});

export async function createFlowAction(_prev: NewFlowState, formData: FormData): Promise<NewFlowState> {
  const caller = await actionCaller("flows:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const parsed = newFlowInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "starter", string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "name" | "starter"] ??= issue.message;
    return { status: "invalid", fieldErrors, name: String(formData.get("name") ?? "") };
  }
  const flowId = await createFlow({ accountId: caller.holder.accountId, actor: caller.actor, ...parsed.data });
  redirect(`/flows/${flowId}`);
}
