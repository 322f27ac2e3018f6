"use server";

import { z } from "zod";
import { actionCaller } from "@/app/_components/action-guard";
import { testFlow, type TestFlowResult } from "@/lib/flows/test-flow";
import { isId } from "@/lib/ids";

export type TestFlowState = { status: "idle" } | TestFlowResult | { status: "error"; message: string };

const FIELD_PREFIX = "field.";
const testInput = z.object({
  flowId: z.string().refine(isId),
  sourceId: z.string().refine(isId, "Pick a source"),
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().max(2000)),
});

// submitLead checks that the flow belongs to this account and the source to the flow. A test is a
// change, not a read: it stores a test lead with its events through the real submit path (its
// delivery steps run too), so it takes flows:write, like saving the flow it tries out.
export async function testFlowAction(_prev: TestFlowState, formData: FormData): Promise<TestFlowState> {
  const caller = await actionCaller("flows:write");
  if (caller.status === "forbidden") return { status: "error", message: caller.message };
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith(FIELD_PREFIX) && typeof value === "string") values[key.slice(FIELD_PREFIX.length)] = value;
  }
  const parsed = testInput.safeParse({ flowId: formData.get("flowId"), sourceId: formData.get("sourceId"), values });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Check the values and try again." };
  return testFlow({ accountId: caller.holder.accountId, ...parsed.data });
}
