"use client";

// Volume caps: at most `limit` successful leads per period, optionally counting only some leads.
import { buttonClass, inputClass } from "@/app/_components/ui";
import type { Cap } from "@/lib/flow/model";
import { newItemId, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { FieldError, useErrorProps } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";
import { NumberInput } from "./text-inputs";

const PERIODS: Cap["period"][] = ["minute", "hour", "day", "week", "month"];

type Props = { value: Cap[]; onChange: (next: Cap[]) => void; path: string; owner: string };

export function CapsEditor({ value, onChange, path, owner }: Props) {
  const add = () => onChange([...value, { id: newItemId("cap"), limit: 100, period: "day", ruleSet: { op: "and", rules: [] } }]);
  return (
    <div className="space-y-3">
      {value.length === 0 && <p className="text-sm text-slate-600">No caps: {owner} takes any number of leads.</p>}
      <ul className="space-y-3">
        {value.map((cap, i) => (
          <CapRow key={cap.id} cap={cap} name={`cap ${i + 1} of ${owner}`} path={`${path}.${i}`} onChange={(next) => onChange(replaceAt(value, i, next))} onRemove={() => onChange(removeAt(value, i))} />
        ))}
      </ul>
      <button type="button" onClick={add} className={buttonClass("secondary", "sm")}>
        + Add cap
      </button>
    </div>
  );
}

type RowProps = { cap: Cap; name: string; path: string; onChange: (next: Cap) => void; onRemove: () => void };

function CapRow({ cap, name, path, onChange, onRemove }: RowProps) {
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        At most
        <NumberInput label={`Limit, ${name}`} value={cap.limit} min={0} step="1" onChange={(limit) => onChange({ ...cap, limit })} invalid={useErrorProps(`${path}.limit`)} />
        leads per
        <select aria-label={`Period, ${name}`} value={cap.period} onChange={(e) => onChange({ ...cap, period: e.target.value as Cap["period"] })} className={inputClass}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" onClick={onRemove} className={`${buttonClass("quiet", "sm")} ml-auto`} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
      <FieldError path={`${path}.limit`} />
      <p className="mb-1 mt-2 text-xs text-slate-600">Count only leads that match (none: every lead counts):</p>
      <RuleSetEditor value={cap.ruleSet} onChange={(ruleSet) => onChange({ ...cap, ruleSet })} path={`${path}.ruleSet`} legend={`Leads counted by ${name}`} emptyText="Every lead counts." />
    </li>
  );
}
