"use client";

// The flow editor: holds the whole FlowConfig in the browser and posts it as JSON on Save. The server
// validates it and answers with errors keyed by path, which each part shows beside its control.
import { useActionState, useId, useState } from "react";
import { submitKeepingValues } from "@/app/_components/submit-keeping-values";
import { buttonClass, Card, inputClass, Notice } from "@/app/_components/ui";
import type { FlowConfig } from "@/lib/flow/model";
import type { EditorOptions } from "@/lib/flows/editor-options";
import { ruleFieldsOf } from "@/lib/flows/editor-ops";
import { CapsEditor } from "../../_editor/caps-editor";
import { CriteriaEditor } from "../../_editor/criteria-editor";
import { EditorContext, FieldError, useErrorProps } from "../../_editor/editor-context";
import { FieldsEditor } from "../../_editor/fields-editor";
import { PricingEditor } from "../../_editor/pricing-editor";
import { StepsEditor } from "../../_editor/steps-editor";
import { saveFlowAction, type SaveFlowState } from "./actions";

// readOnly (a viewer): every control is disabled and there is no Save; the server refuses a save anyway.
type Props = { flowId: string; version: number; name: string; config: FlowConfig; options: EditorOptions; readOnly?: boolean };

const SECTIONS = [
  { id: "fields", title: "Fields" },
  { id: "acceptance", title: "Acceptance criteria" },
  { id: "pricing", title: "Pricing" },
  { id: "caps", title: "Volume caps" },
  { id: "ping-limits", title: "Ping limits" },
  { id: "steps", title: "Steps" },
] as const;

export function FlowEditor({ flowId, version, name: savedName, config: savedConfig, options, readOnly = false }: Props) {
  const [state, action, pending] = useActionState<SaveFlowState, FormData>(saveFlowAction, { status: "idle" });
  const [config, setConfig] = useState(savedConfig);
  const [name, setName] = useState(savedName);
  const [saved, setSaved] = useState(() => JSON.stringify([savedName, savedConfig]));
  const [handled, setHandled] = useState(state);
  const current = JSON.stringify([name, config]);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "ok") setSaved(current);
  }
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const problemCount = Object.keys(errors).length;
  const update = (patch: Partial<FlowConfig>) => setConfig((c) => ({ ...c, ...patch }));
  const counts: Record<string, number> = { fields: config.fields.length, acceptance: config.acceptance.length, pricing: config.pricing.rules.length, caps: config.caps.length, "ping-limits": config.pingLimits?.length ?? 0, steps: config.steps.length };
  return (
    <EditorContext value={{ fields: config.fields, ruleFields: ruleFieldsOf(config.fields, options.standardFields), operatorsByType: options.operatorsByType, errors }}>
      <form onSubmit={submitKeepingValues(action)} noValidate className="grid gap-6 lg:grid-cols-[12rem_1fr]">
        <input type="hidden" name="flowId" value={flowId} />
        <input type="hidden" name="expectedVersion" value={state.status === "ok" ? state.version : version} />
        <input type="hidden" name="config" value={JSON.stringify(config)} />
        <nav aria-label="Editor sections" className="hidden self-start lg:sticky lg:top-4 lg:block">
          <ul className="space-y-1 text-sm">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="flex justify-between rounded px-2 py-1 text-slate-700 hover:bg-slate-200">
                  {s.title} <span className="text-slate-500">{counts[s.id]}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <fieldset disabled={readOnly} className="min-w-0 space-y-6">
          {readOnly ? (
            <Notice tone="info">Your role can look at this flow but not change it. Ask an editor, admin or owner for changes.</Notice>
          ) : (
            <SaveBar name={name} onName={setName} pending={pending} dirty={current !== saved} state={state} problemCount={problemCount} />
          )}
          <Section id="fields" title="Fields" description="What a lead carries. Required fields become acceptance criteria.">
            <FieldsEditor fields={config.fields} acceptance={config.acceptance} standardFields={options.standardFields} onChange={update} />
          </Section>
          <Section id="acceptance" title="Acceptance criteria" description="What a lead needs before anything else happens. The first criterion a lead fails gives its reason.">
            <CriteriaEditor value={config.acceptance} onChange={(acceptance) => update({ acceptance })} path="acceptance" />
          </Section>
          <Section id="pricing" title="Pricing" description="What an accepted lead is worth. Source pricing rules come after these.">
            <PricingEditor value={config.pricing} onChange={(pricing) => update({ pricing })} path="pricing" allowSourceMode />
          </Section>
          <Section id="caps" title="Volume caps" description="A full cap fails further leads with the reason “Cap reached”.">
            <CapsEditor value={config.caps} onChange={(caps) => update({ caps })} path="caps" owner="this flow" />
          </Section>
          <Section id="ping-limits" title="Ping limits" description="Caps on pings, apart from leads: a ping that would get a bid counts; when a limit is full, the ping answers failure “Ping limit reached”.">
            <CapsEditor value={config.pingLimits ?? []} onChange={(pingLimits) => update({ pingLimits })} path="pingLimits" owner="this flow" kind="ping-limit" />
          </Section>
          <Section id="steps" title="Steps" description="Run in order for every accepted lead; the first step that stops a lead gives its outcome.">
            <StepsEditor value={config.steps} onChange={(steps) => update({ steps })} />
          </Section>
          {!readOnly && (
            <div className="flex justify-end">
              <button type="submit" disabled={pending} className={buttonClass("primary")}>
                {pending ? "Saving…" : "Save flow"}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </EditorContext>
  );
}

type SaveBarProps = { name: string; onName: (n: string) => void; pending: boolean; dirty: boolean; state: SaveFlowState; problemCount: number };

function SaveBar({ name, onName, pending, dirty, state, problemCount }: SaveBarProps) {
  const nameId = useId();
  return (
    <div className="sticky top-0 z-10 -mx-1 space-y-2 rounded-lg border border-slate-200 bg-white/95 p-3 shadow-sm backdrop-blur">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={nameId} className="text-sm font-medium">
          Flow name
        </label>
        <input id={nameId} name="name" value={name} onChange={(e) => onName(e.target.value)} className={`${inputClass} min-w-48 flex-1`} {...useErrorProps("name")} />
        <span className="text-sm text-slate-600" aria-live="polite">
          {dirty ? "Unsaved changes" : state.status === "ok" ? `Saved as version ${state.version}` : "No unsaved changes"}
        </span>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Save flow"}
        </button>
      </div>
      <FieldError path="name" />
      {state.status === "error" && <Notice tone="error">{state.message}</Notice>}
      {problemCount > 0 && (
        <Notice tone="error">
          Nothing was saved: {problemCount === 1 ? "1 problem needs" : `${problemCount} problems need`} fixing. Each is marked in red below.
        </Notice>
      )}
    </div>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <Card id={id} title={title} className="scroll-mt-28">
      <p className="mb-4 mt-0.5 text-sm text-slate-600">{description}</p>
      {children}
    </Card>
  );
}
