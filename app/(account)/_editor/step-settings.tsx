"use client";

// What each kind of step asks for: a filter's rules, outcome and reason; the fields a dedupe compares
// and its window; a recipient's URL, format, timeout and field mappings.
import { useId } from "react";
import { buttonClass, inputClass, labelClass } from "@/app/_components/ui";
import type { DedupeStep, FilterStep, RecipientStep, Step } from "@/lib/flow/model";
import { removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { errorProps, FieldError, useEditor, useErrorProps } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";
import { NumberInput } from "./text-inputs";

type Props<S extends Step> = { step: S; path: string; title: string; onChange: (next: Step) => void };

export function StepSettings({ step, ...rest }: Props<Step>) {
  if (step.type === "filter") return <FilterSettings step={step} {...rest} />;
  if (step.type === "dedupe") return <DedupeSettings step={step} {...rest} />;
  return <RecipientSettings step={step} {...rest} />;
}

function FilterSettings({ step, path, title, onChange }: Props<FilterStep>) {
  const reasonId = useId();
  const outcomeId = useId();
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">Stop the lead when:</p>
      <RuleSetEditor value={step.ruleSet} onChange={(ruleSet) => onChange({ ...step, ruleSet })} path={`${path}.ruleSet`} legend={`Rules of ${title}`} />
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor={outcomeId} className={labelClass}>
            Outcome
          </label>
          <select id={outcomeId} value={step.outcome} onChange={(e) => onChange({ ...step, outcome: e.target.value as FilterStep["outcome"] })} className={`${inputClass} mt-1`}>
            <option value="failure">failure</option>
            <option value="error">error</option>
            <option value="success">success (stop here)</option>
          </select>
        </div>
        <div className="flex-1">
          <label htmlFor={reasonId} className={labelClass}>
            Reason
          </label>
          <input id={reasonId} value={step.reason} onChange={(e) => onChange({ ...step, reason: e.target.value })} placeholder="Outside our service area" className={`${inputClass} mt-1 w-full`} {...useErrorProps(`${path}.reason`)} />
          <FieldError path={`${path}.reason`} />
        </div>
      </div>
    </div>
  );
}

function DedupeSettings({ step, path, title, onChange }: Props<DedupeStep>) {
  const { fields } = useEditor();
  const windowId = useId();
  const toggle = (id: string, on: boolean) => onChange({ ...step, fields: on ? [...step.fields, id] : step.fields.filter((f) => f !== id) });
  return (
    <div className="flex flex-wrap gap-6">
      <fieldset>
        <legend className={labelClass}>Compare (a lead is a duplicate when all of these match)</legend>
        <div className="mt-1 flex max-w-xl flex-wrap gap-x-4 gap-y-1 text-sm">
          {fields.map((f) => (
            <label key={f.id} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={step.fields.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} aria-label={`${f.label}, compared by ${title}`} />
              {f.label}
            </label>
          ))}
          {fields.length === 0 && <span className="text-slate-600">Add fields to the flow first.</span>}
        </div>
        <FieldError path={`${path}.fields`} />
        {step.fields.map((_, j) => (
          <FieldError key={j} path={`${path}.fields.${j}`} />
        ))}
      </fieldset>
      <div>
        <label htmlFor={windowId} className={labelClass}>
          Window in days (blank: all history)
        </label>
        <input
          id={windowId}
          type="number"
          min={1}
          value={step.windowDays ?? ""}
          onChange={(e) => onChange({ ...step, windowDays: e.target.value === "" ? null : Number(e.target.value) })}
          className={`${inputClass} mt-1 w-28`}
          {...useErrorProps(`${path}.windowDays`)}
        />
        <FieldError path={`${path}.windowDays`} />
      </div>
    </div>
  );
}

function RecipientSettings({ step, path, title, onChange }: Props<RecipientStep>) {
  const urlId = useId();
  const formatId = useId();
  const timeoutId = useId();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={urlId} className={labelClass}>
            Recipient URL
          </label>
          <input id={urlId} type="url" value={step.url} onChange={(e) => onChange({ ...step, url: e.target.value })} placeholder="https://buyer.example.com/leads" className={`${inputClass} mt-1 w-full font-mono`} {...useErrorProps(`${path}.url`)} />
          <FieldError path={`${path}.url`} />
        </div>
        <div>
          <label htmlFor={formatId} className={labelClass}>
            Send as
          </label>
          <select id={formatId} value={step.format} onChange={(e) => onChange({ ...step, format: e.target.value as RecipientStep["format"] })} className={`${inputClass} mt-1`}>
            <option value="json">JSON</option>
            <option value="form">Form (URL-encoded)</option>
          </select>
        </div>
        <div>
          <label htmlFor={timeoutId} className={labelClass}>
            Timeout (ms)
          </label>
          <div className="mt-1">
            <NumberInput id={timeoutId} label="Timeout (ms)" value={step.timeoutMs} min={100} step="100" onChange={(timeoutMs) => onChange({ ...step, timeoutMs })} invalid={useErrorProps(`${path}.timeoutMs`)} />
          </div>
          <FieldError path={`${path}.timeoutMs`} />
        </div>
      </div>
      <Mappings step={step} path={path} title={title} onChange={onChange} />
    </div>
  );
}

function Mappings({ step, path, title, onChange }: Props<RecipientStep>) {
  const { fields, errors } = useEditor();
  const mappings = step.mappings;
  const set = (next: RecipientStep["mappings"]) => onChange({ ...step, mappings: next });
  return (
    <fieldset>
      <legend className={labelClass}>Field mappings</legend>
      {mappings.length === 0 && <p className="mt-1 text-sm text-slate-600">None: every field is sent under its own id.</p>}
      <ul className="mt-1 space-y-2">
        {mappings.map((m, j) => {
          const name = `mapping ${j + 1} of ${title}`;
          return (
            <li key={j}>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                Send
                <select aria-label={`Field, ${name}`} value={m.field} onChange={(e) => set(replaceAt(mappings, j, { ...m, field: e.target.value }))} className={inputClass} {...errorProps(errors, `${path}.mappings.${j}.field`)}>
                  {!fields.some((f) => f.id === m.field) && <option value={m.field}>{m.field || "Pick a field"}</option>}
                  {fields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                    </option>
                  ))}
                </select>
                as
                <input aria-label={`Parameter name, ${name}`} value={m.param} onChange={(e) => set(replaceAt(mappings, j, { ...m, param: e.target.value }))} className={`${inputClass} w-40 font-mono`} {...errorProps(errors, `${path}.mappings.${j}.param`)} />
                <button type="button" onClick={() => set(removeAt(mappings, j))} className={buttonClass("quiet", "sm")} aria-label={`Remove ${name}`}>
                  Remove
                </button>
              </div>
              <FieldError path={`${path}.mappings.${j}.field`} />
              <FieldError path={`${path}.mappings.${j}.param`} />
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => set([...mappings, { field: fields[0]?.id ?? "", param: fields[0]?.id ?? "" }])} className={`${buttonClass("quiet", "sm")} mt-1`}>
        + Mapping
      </button>
    </fieldset>
  );
}
