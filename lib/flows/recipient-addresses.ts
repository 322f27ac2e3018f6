// The save-time half of the internal-address rule for recipient steps (the send-time half is in
// lib/flow/steps/recipient.ts): a flow whose recipient URL names or resolves to a loopback, private,
// link-local, multicast or unspecified address is not saved, with the reason beside the URL field.
// Async (it resolves host names), so it runs after validateFlowConfig, on a config already valid.
import type { FlowConfig } from "@/lib/flow/model";
import { checkRecipientUrl } from "@/lib/flow/steps/address-guard";
import { recipientSettings } from "@/lib/flow/steps/recipient";
import type { FieldErrors } from "./validate-config";

export async function checkRecipientAddresses(config: FlowConfig, options: { allowPrivate?: boolean } = {}): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (options.allowPrivate ?? recipientSettings().allowPrivate) return errors;
  await Promise.all(
    config.steps.map(async (step, i) => {
      if (step.type !== "recipient") return;
      const check = await checkRecipientUrl(step.url);
      if (!check.ok) errors[`steps.${i}.url`] = check.message;
    }),
  );
  return errors;
}
