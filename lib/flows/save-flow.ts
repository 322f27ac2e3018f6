// Creating, saving and reverting flows: validate, then write the flow and its history row together.
// Every save is a new version; a revert is a save of an older version's config.
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/record";
import { makeRequiredCriterion } from "@/lib/flow/acceptance";
import { findStandardField } from "@/lib/flow/catalog";
import type { FieldDef, FlowConfig } from "@/lib/flow/model";
import type { FieldErrors } from "./validate-config";
import { validateFlowConfig } from "./validate-config";
import { getFlowVersion, insertFlow, saveFlowVersion } from "./queries";
import { checkRecipientAddresses } from "./recipient-addresses";

export type SaveFlowResult =
  | { status: "ok"; version: number }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "conflict"; message: string }
  | { status: "not_found" };

// The actor is the signed-in person: saved as the version's author and in the audit log.
type Editor = { accountId: string; actor: AuditActor; flowId: string; expectedVersion: number };

const conflictMessage = (version: number) =>
  `Someone saved version ${version} of this flow while you were editing. Reload to see it, then make your change again.`;

export const flowNameSchema = z.string().trim().min(1, "Give the flow a name").max(120, "Keep the name under 120 characters");

export async function saveFlow(input: Editor & { name: string; config: unknown; revertedTo?: number }): Promise<SaveFlowResult> {
  const name = flowNameSchema.safeParse(input.name);
  const checked = validateFlowConfig(input.config);
  if (!name.success || !checked.ok) {
    const fieldErrors: FieldErrors = checked.ok ? {} : { ...checked.fieldErrors };
    if (!name.success) fieldErrors.name = name.error.issues[0]?.message ?? "Give the flow a name";
    return { status: "invalid", fieldErrors };
  }
  const addressErrors = await checkRecipientAddresses(checked.config);
  if (Object.keys(addressErrors).length > 0) return { status: "invalid", fieldErrors: addressErrors };
  const saved = await saveFlowVersion({ ...input, name: name.data, config: checked.config });
  if (saved.status === "conflict") return { status: "conflict", message: conflictMessage(saved.version) };
  return saved;
}

// The old version was valid when saved; it goes through the same checks again in case the rules tightened since.
export async function revertFlow(input: Editor & { version: number }): Promise<SaveFlowResult> {
  const old = await getFlowVersion(input.accountId, input.flowId, input.version);
  if (!old) return { status: "not_found" };
  return saveFlow({ ...input, name: old.name, config: old.config, revertedTo: input.version });
}

export const FLOW_STARTERS = {
  blank: "An empty flow",
  contact: "Contact fields: first and last name, email and phone, with email required",
} as const;
export type FlowStarter = keyof typeof FLOW_STARTERS;

function starterConfig(starter: FlowStarter): FlowConfig {
  const config: FlowConfig = { fields: [], acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [], steps: [] };
  if (starter === "blank") return config;
  config.fields = ["first_name", "last_name", "email", "phone_1"].map((id) => findStandardField(id) as FieldDef);
  config.acceptance = [makeRequiredCriterion("email", "Email")];
  return config;
}

export async function createFlow(input: { accountId: string; actor: AuditActor; name: string; starter: FlowStarter }): Promise<string> {
  return insertFlow({ accountId: input.accountId, name: input.name, config: starterConfig(input.starter), actor: input.actor });
}
