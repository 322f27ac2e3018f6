// GET /flows/{flowId}/sources/{sourceId}/meta: what a source needs to integrate, as JSON — the flow's
// fields (type, required, examples) and the acceptance criteria a lead must meet.
import { requiredFieldIds } from "@/lib/flow/acceptance";
import { describeRuleSet } from "@/lib/flow/describe-rule";
import type { Criterion } from "@/lib/flow/model";
import { apiRequestOf, responseOf } from "./api-http";
import { isAuthorized } from "./basic-auth";
import { FIELD_EXAMPLES } from "./field-examples";
import type { SubmitIds } from "./handle-submit";
import { getCurrentApiKeyHash } from "./api-key";
import type { SubmitTarget } from "./queries";
import { internalError, textError, unauthorized } from "./replies";
import { checkTarget, findSubmitTarget } from "./submit-lead";

export function flowMetaOf(target: SubmitTarget) {
  const { flow, source } = target.context;
  const criteria = [...flow.config.acceptance, ...source.config.acceptance];
  const required = new Set(requiredFieldIds(criteria));
  const labels = new Map(flow.config.fields.map((f) => [f.id, f.label]));
  const describe = (c: Criterion, appliesTo: "flow" | "source") => ({
    id: c.id,
    applies_to: appliesTo,
    description: describeRuleSet(c.ruleSet, { labelOf: (id) => labels.get(id) ?? id }),
    reason: c.reason,
    rule_set: c.ruleSet,
  });
  return {
    flow: { id: flow.id, name: target.flowName, enabled: flow.enabled },
    source: { id: source.id, name: target.sourceName, requires_api_key: target.requireApiKey },
    submit_path: `/flows/${flow.id}/sources/${source.id}/submit`,
    fields: flow.config.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, required: required.has(f.id), examples: FIELD_EXAMPLES[f.type] })),
    acceptance_criteria: [...flow.config.acceptance.map((c) => describe(c, "flow")), ...source.config.acceptance.map((c) => describe(c, "source"))],
  };
}

export async function handleMeta(request: Request, ids: SubmitIds): Promise<Response> {
  try {
    const check = checkTarget(await findSubmitTarget(ids.flowId, ids.sourceId));
    if (!check.ok) return responseOf(textError(check.refusal.status, check.refusal.body.message));
    const authorized = await isAuthorized(request.headers.get("authorization"), check.target, () => getCurrentApiKeyHash(ids.sourceId));
    if (!authorized) return responseOf(unauthorized());
    return new Response(JSON.stringify(flowMetaOf(check.target)), { headers: { "content-type": "application/json; charset=utf-8" } });
  } catch (err) {
    return responseOf(internalError(err, apiRequestOf(request)));
  }
}
