"use client";

// A source's own acceptance criteria, pricing and caps, on top of the flow's; rules name the flow's fields.
import { useActionState, useState } from "react";
import { submitKeepingValues } from "@/app/_components/submit-keeping-values";
import { buttonClass, Notice } from "@/app/_components/ui";
import type { FieldDef, SourceConfig } from "@/lib/flow/model";
import type { EditorOptions } from "@/lib/flows/editor-options";
import { ruleFieldsOf } from "@/lib/flows/editor-ops";
import { CapsEditor } from "../../_editor/caps-editor";
import { CriteriaEditor } from "../../_editor/criteria-editor";
import { EditorContext } from "../../_editor/editor-context";
import { PricingEditor } from "../../_editor/pricing-editor";
import { saveSourceConfigAction, type SourceFormState } from "./actions";

// readOnly (a viewer): the rules are shown, disabled, with no Save.
type Props = { sourceId: string; config: SourceConfig; flowFields: readonly FieldDef[]; options: EditorOptions; readOnly?: boolean };

export function SourceConfigEditor({ sourceId, config: saved, flowFields, options, readOnly = false }: Props) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(saveSourceConfigAction, { status: "idle" });
  const [config, setConfig] = useState(saved);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    <EditorContext value={{ fields: flowFields, ruleFields: ruleFieldsOf(flowFields, options.standardFields), operatorsByType: options.operatorsByType, errors }}>
      <form onSubmit={submitKeepingValues(action)} noValidate>
        <fieldset disabled={readOnly} className="space-y-6">
          <input type="hidden" name="sourceId" value={sourceId} />
          <input type="hidden" name="config" value={JSON.stringify(config)} />
          <section aria-labelledby="source-acceptance">
            <h3 id="source-acceptance" className="font-semibold">
              Acceptance criteria
            </h3>
            <p className="mb-2 text-sm text-slate-600">Checked after the flow&apos;s criteria, for this source&apos;s leads only.</p>
            <CriteriaEditor value={config.acceptance} onChange={(acceptance) => setConfig({ ...config, acceptance })} path="acceptance" />
          </section>
          <section aria-labelledby="source-pricing">
            <h3 id="source-pricing" className="font-semibold">
              Pricing
            </h3>
            <p className="mb-2 text-sm text-slate-600">Applied after the flow&apos;s price rules: a match here overrides them.</p>
            <PricingEditor value={config.pricing} onChange={(pricing) => setConfig({ ...config, pricing })} path="pricing" allowSourceMode={false} />
          </section>
          <section aria-labelledby="source-caps">
            <h3 id="source-caps" className="font-semibold">
              Volume caps
            </h3>
            <CapsEditor value={config.caps} onChange={(caps) => setConfig({ ...config, caps })} path="caps" owner="this source" />
          </section>
          {!readOnly && (
            <div className="flex items-center gap-3">
              <button type="submit" disabled={pending} className={buttonClass("primary")}>
                {pending ? "Saving…" : "Save criteria and pricing"}
              </button>
            </div>
          )}
          {state.status === "ok" && <Notice tone="ok">{state.message}</Notice>}
          {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
          {state.status === "invalid" && <Notice tone="error">Nothing was saved: fix the problems marked in red above.</Notice>}
        </fieldset>
      </form>
    </EditorContext>
  );
}
