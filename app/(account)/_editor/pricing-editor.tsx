"use client";

// Pricing: rules whose last match sets the price, or the price the source sends.
import { buttonClass } from "@/app/_components/ui";
import type { Pricing } from "@/lib/flow/model";
import { moveItem, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { FieldError, useErrorProps } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";
import { NumberInput } from "./text-inputs";

type Props = { value: Pricing; onChange: (next: Pricing) => void; path: string; allowSourceMode: boolean };

export function PricingEditor({ value, onChange, path, allowSourceMode }: Props) {
  const rules = value.rules;
  const setRules = (next: Pricing["rules"]) => onChange({ ...value, rules: next });
  return (
    <div className="space-y-3">
      {allowSourceMode && (
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">How leads are priced</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${path}-mode`} checked={value.mode === "rules"} onChange={() => onChange({ ...value, mode: "rules" })} />
            Price rules
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${path}-mode`} checked={value.mode === "source"} onChange={() => onChange({ ...value, mode: "source" })} />
            The price the source sends (the <code>price</code> field)
          </label>
        </fieldset>
      )}
      {value.mode === "rules" && (
        <>
          <p className="text-sm text-slate-600">{rules.length === 0 ? "No price rules: leads are priced at $0." : "The last rule that matches sets the price."}</p>
          <ol className="space-y-3">
            {rules.map((rule, i) => {
              const name = `price rule ${i + 1}`;
              const rulePath = `${path}.rules.${i}`;
              return (
                <li key={i} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-semibold">Rule {i + 1}:</span> $
                    <PriceInput label={`Price, ${name}`} path={`${rulePath}.price`} value={rule.price} onChange={(price) => setRules(replaceAt(rules, i, { ...rule, price }))} />
                    <span className="ml-auto flex gap-1">
                      <button type="button" disabled={i === 0} onClick={() => setRules(moveItem(rules, i, -1))} className={buttonClass("quiet", "sm")} aria-label={`Move ${name} up`}>
                        ↑
                      </button>
                      <button type="button" disabled={i === rules.length - 1} onClick={() => setRules(moveItem(rules, i, 1))} className={buttonClass("quiet", "sm")} aria-label={`Move ${name} down`}>
                        ↓
                      </button>
                      <button type="button" onClick={() => setRules(removeAt(rules, i))} className={buttonClass("quiet", "sm")} aria-label={`Remove ${name}`}>
                        Remove
                      </button>
                    </span>
                  </div>
                  <FieldError path={`${rulePath}.price`} />
                  <p className="mb-1 mt-2 text-xs text-slate-600">When (none: every lead):</p>
                  <RuleSetEditor value={rule.ruleSet} onChange={(ruleSet) => setRules(replaceAt(rules, i, { ...rule, ruleSet }))} path={`${rulePath}.ruleSet`} legend={`Leads priced by ${name}`} emptyText="Every lead." />
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={() => setRules([...rules, { price: 0, ruleSet: { op: "and", rules: [] } }])} className={buttonClass("secondary", "sm")}>
            + Add price rule
          </button>
        </>
      )}
    </div>
  );
}

function PriceInput({ label, path, value, onChange }: { label: string; path: string; value: number; onChange: (n: number) => void }) {
  return <NumberInput label={label} value={value} min={0} step="0.01" onChange={onChange} invalid={useErrorProps(path)} />;
}
