"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireHolder } from "@/lib/auth/session";
import { createFlow, FLOW_STARTERS, flowNameSchema, type FlowStarter } from "@/lib/flows/save-flow";

export type NewFlowState = { status: "idle" } | { status: "invalid"; fieldErrors: Partial<Record<"name" | "starter", string>>; name: string };

const newFlowInput = z.object({
  name: flowNameSchema,
  starter: z.enum(Object.keys(FLOW_STARTERS) as [FlowStarter, ...FlowStarter[]], "Pick how to start"),
});

export async function createFlowAction(_prev: NewFlowState, formData: FormData): Promise<NewFlowState> {
  const holder = await requireHolder();
  const parsed = newFlowInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "starter", string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as "name" | "starter"] ??= issue.message;
    return { status: "invalid", fieldErrors, name: String(formData.get("name") ?? "") };
  }
  const flowId = await createFlow({ accountId: holder.accountId, holderId: holder.holderId, ...parsed.data });
  redirect(`/flows/${flowId}`);
}
