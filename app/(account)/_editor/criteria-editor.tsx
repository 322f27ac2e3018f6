"use client";

// Acceptance criteria: each is a rule set a lead must pass and the reason it gets when it does not.
import { buttonClass, inputClass, labelClass } from "@/app/_components/ui";
import type { Criterion } from "@/lib/flow/model";
import { newItemId, newRule, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { FieldError, useEditor, useErrorProps } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";

type Props = { value: Criterion[]; onChange: (next: Criterion[]) => void; path: string };

export function CriteriaEditor({ value, onChange, path }: Props) {
  const { ruleFields: fields } = useEditor();
  const add = () => onChange([...value, { id: newItemId("criterion"), ruleSet: { op: "and", rules: [newRule(fields)] }, reason: "" }]);
  return (
    <div className="space-y-3">
      {value.length === 0 && <p className="text-sm text-slate-600">No criteria: every lead is accepted.</p>}
      <ol className="space-y-3">
        {value.map((criterion, i) => (
          <CriterionRow
            key={criterion.id}
            criterion={criterion}
            index={i}
            path={`${path}.${i}`}
            onChange={(next) => onChange(replaceAt(value, i, next))}
            onRemove={() => onChange(removeAt(value, i))}
          />
        ))}
      </ol>
      <button type="button" onClick={add} className={buttonClass("secondary", "sm")}>
        + Add criterion
      </button>
    </div>
  );
}

type RowProps = { criterion: Criterion; index: number; path: string; onChange: (next: Criterion) => void; onRemove: () => void };

function CriterionRow({ criterion, index, path, onChange, onRemove }: RowProps) {
  const reasonId = `${path}-reason`;
  const name = `criterion ${index + 1}`;
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="mb-2 flex items-center justify-between">
        <h4 className="text-sm font-semibold">Criterion {index + 1}</h4>
        <button type="button" onClick={onRemove} className={buttonClass("quiet", "sm")} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
      <RuleSetEditor value={criterion.ruleSet} onChange={(ruleSet) => onChange({ ...criterion, ruleSet })} path={`${path}.ruleSet`} legend={`Conditions of ${name}`} />
      <div className="mt-2">
        <label htmlFor={reasonId} className={labelClass}>
          Reason when a lead fails {name}
        </label>
        <input
          id={reasonId}
          value={criterion.reason}
          onChange={(e) => onChange({ ...criterion, reason: e.target.value })}
          placeholder="Email is required"
          className={`${inputClass} mt-1 w-full`}
          {...useErrorProps(`${path}.reason`)}
        />
        <FieldError path={`${path}.reason`} />
      </div>
    </li>
  );
}
