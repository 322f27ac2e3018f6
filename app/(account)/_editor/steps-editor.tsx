"use client";

// The flow's steps in order: filter, dedupe, recipient. Each may carry step criteria (the step is
// skipped when they fail) and caps; steps move up and down with buttons, so keyboards can reorder.
import { useId, useState } from "react";
import { buttonClass, inputClass, labelClass } from "@/app/_components/ui";
import type { Step } from "@/lib/flow/model";
import { moveItem, newStep, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { CapsEditor } from "./caps-editor";
import { FieldError, useEditor } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";
import { StepSettings } from "./step-settings";

const STEP_TYPES: Array<{ type: Step["type"]; label: string }> = [
  { type: "filter", label: "Filter: stop leads that match rules" },
  { type: "dedupe", label: "Dedupe: stop leads already received" },
  { type: "recipient", label: "Recipient: deliver to a buyer's URL" },
];

export function StepsEditor({ value, onChange }: { value: Step[]; onChange: (next: Step[]) => void }) {
  const { fields } = useEditor();
  const addId = useId();
  const [type, setType] = useState<Step["type"]>("dedupe");
  return (
    <div className="space-y-3">
      {value.length === 0 && <p className="text-sm text-slate-600">No steps: accepted leads succeed as they are.</p>}
      <ol className="space-y-3">
        {value.map((step, i) => (
          <StepCard
            key={step.id}
            step={step}
            index={i}
            count={value.length}
            onChange={(next) => onChange(replaceAt(value, i, next))}
            onMove={(delta) => onChange(moveItem(value, i, delta))}
            onRemove={() => onChange(removeAt(value, i))}
          />
        ))}
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={addId} className={labelClass}>
            New step
          </label>
          <select id={addId} value={type} onChange={(e) => setType(e.target.value as Step["type"])} className={`${inputClass} mt-1`}>
            {STEP_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => onChange([...value, newStep(type, fields)])} className={buttonClass("secondary")}>
          Add step
        </button>
      </div>
    </div>
  );
}

type CardProps = { step: Step; index: number; count: number; onChange: (next: Step) => void; onMove: (delta: -1 | 1) => void; onRemove: () => void };

function StepCard({ step, index, count, onChange, onMove, onRemove }: CardProps) {
  const path = `steps.${index}`;
  const nameId = useId();
  const title = `step ${index + 1} (${step.name || step.type})`;
  const conditional = step.criteria.rules.length > 0 || step.caps.length > 0;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-blue-100 text-sm font-semibold text-blue-900" aria-hidden="true">
          {index + 1}
        </span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-700">{step.type}</span>
        <label htmlFor={nameId} className="sr-only">
          Name of step {index + 1}
        </label>
        <input id={nameId} value={step.name} onChange={(e) => onChange({ ...step, name: e.target.value })} className={`${inputClass} flex-1 font-medium`} />
        <span className="flex gap-1">
          <button type="button" disabled={index === 0} onClick={() => onMove(-1)} className={buttonClass("quiet", "sm")} aria-label={`Move ${title} up`}>
            ↑ Up
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(1)} className={buttonClass("quiet", "sm")} aria-label={`Move ${title} down`}>
            ↓ Down
          </button>
          <button type="button" onClick={onRemove} className={buttonClass("danger", "sm")} aria-label={`Remove ${title}`}>
            Remove
          </button>
        </span>
      </div>
      <FieldError path={`${path}.id`} />
      <div className="mt-3">
        <StepSettings step={step} path={path} title={title} onChange={onChange} />
      </div>
      <details className="mt-3 rounded-md border border-slate-200 p-3" open={conditional || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          Step criteria and caps {conditional ? "" : "(runs for every lead)"}
        </summary>
        <p className="mb-1 mt-2 text-xs text-slate-600">Run this step only when (otherwise it is skipped):</p>
        <RuleSetEditor value={step.criteria} onChange={(criteria) => onChange({ ...step, criteria })} path={`${path}.criteria`} legend={`Criteria of ${title}`} emptyText="Always runs." />
        <p className="mb-1 mt-3 text-xs text-slate-600">Step caps (a full cap skips the step):</p>
        <CapsEditor value={step.caps} onChange={(caps) => onChange({ ...step, caps })} path={`${path}.caps`} owner={title} />
      </details>
      <StepErrorHint path={path} />
    </li>
  );
}

// A problem inside a closed <details> must not go unseen: say where it is.
function StepErrorHint({ path }: { path: string }) {
  const { errors } = useEditor();
  const hidden = Object.keys(errors).some((k) => k.startsWith(`${path}.criteria`) || k.startsWith(`${path}.caps`));
  return hidden ? <p className="mt-2 text-xs font-medium text-red-700">See the problems under “Step criteria and caps”.</p> : null;
}

