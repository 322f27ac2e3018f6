"use client";

// The visual rule editor: a group matches all or any of its conditions; a condition is field,
// operator (the ones the field's type offers) and value(s); groups nest two levels deep.
import { buttonClass, inputClass } from "@/app/_components/ui";
import { describeRuleSet, isRuleSet } from "@/lib/flow/describe-rule";
import { OPERATORS, type Operator, type Rule, type RuleSet } from "@/lib/flow/model";
import { newRule, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { valueInputOf, withOperator } from "@/lib/flows/rule-inputs";
import { FieldError, useEditor, useErrorProps } from "./editor-context";
import { ListInput } from "./text-inputs";

const MAX_DEPTH = 2;

type Props = {
  value: RuleSet;
  onChange: (next: RuleSet) => void;
  path: string;
  // Names the group for screen readers: "Conditions of criterion 2".
  legend: string;
  // What an empty group means here: "Every lead", "Always runs".
  emptyText?: string;
  depth?: number;
};

export function RuleSetEditor({ value, onChange, path, legend, emptyText, depth = 0 }: Props) {
  const { ruleFields: fields } = useEditor();
  const setRule = (i: number, node: Rule | RuleSet) => onChange({ ...value, rules: replaceAt(value.rules, i, node) });
  const remove = (i: number) => onChange({ ...value, rules: removeAt(value.rules, i) });
  const add = (node: Rule | RuleSet) => onChange({ ...value, rules: [...value.rules, node] });
  return (
    <fieldset className={`rounded-md border p-3 ${depth === 0 ? "border-slate-200 bg-slate-50" : "border-blue-200 bg-white"}`}>
      <legend className="sr-only">{legend}</legend>
      {value.rules.length > 1 && (
        <label className="mb-2 flex items-center gap-2 text-sm">
          Match
          <select value={value.op} onChange={(e) => onChange({ ...value, op: e.target.value as RuleSet["op"] })} className={inputClass}>
            <option value="and">all</option>
            <option value="or">any</option>
          </select>
          of these conditions
        </label>
      )}
      {value.rules.length === 0 && emptyText && <p className="mb-2 text-sm text-slate-600">{emptyText}</p>}
      <ul className="space-y-2">
        {value.rules.map((node, i) => (
          <li key={i}>
            {isRuleSet(node) ? (
              <div className="flex items-start gap-2">
                <div className="flex-1">
                  <RuleSetEditor value={node} onChange={(next) => setRule(i, next)} path={`${path}.rules.${i}`} legend={`${legend}, group ${i + 1}`} depth={depth + 1} />
                </div>
                <button type="button" onClick={() => remove(i)} className={buttonClass("quiet", "sm")} aria-label={`Remove group ${i + 1} of ${legend}`}>
                  Remove group
                </button>
              </div>
            ) : (
              <RuleRow rule={node} onChange={(next) => setRule(i, next)} onRemove={() => remove(i)} path={`${path}.rules.${i}`} name={`condition ${i + 1} of ${legend}`} />
            )}
          </li>
        ))}
      </ul>
      <FieldError path={`${path}.rules`} />
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={() => add(newRule(fields))} className={buttonClass("quiet", "sm")}>
          + Condition
        </button>
        {depth < MAX_DEPTH && (
          <button type="button" onClick={() => add({ op: value.op === "and" ? "or" : "and", rules: [newRule(fields)] })} className={buttonClass("quiet", "sm")}>
            + Group
          </button>
        )}
      </div>
      {depth === 0 && value.rules.length > 0 && <Reads ruleSet={value} />}
    </fieldset>
  );
}

function Reads({ ruleSet }: { ruleSet: RuleSet }) {
  const { ruleFields: fields } = useEditor();
  const labels = new Map(fields.map((f) => [f.id, f.label]));
  return <p className="mt-2 text-xs text-slate-600">Reads: {describeRuleSet(ruleSet, { labelOf: (id) => labels.get(id) ?? id })}</p>;
}

function useOperatorsFor(lhv: string): readonly Operator[] {
  const { ruleFields: fields, operatorsByType } = useEditor();
  const field = fields.find((f) => f.id === lhv);
  // Components (phone_1.area) and fields the flow no longer has: every operator, the server decides.
  return field ? operatorsByType[field.type] : OPERATORS;
}

type RowProps = { rule: Rule; onChange: (next: Rule) => void; onRemove: () => void; path: string; name: string };

function RuleRow({ rule, onChange, onRemove, path, name }: RowProps) {
  const { ruleFields: fields, operatorsByType } = useEditor();
  const operators = useOperatorsFor(rule.lhv);
  const known = fields.some((f) => f.id === rule.lhv);
  const changeField = (lhv: string) => {
    const field = fields.find((f) => f.id === lhv);
    const allowed = field ? operatorsByType[field.type] : OPERATORS;
    onChange(allowed.includes(rule.op) ? { ...rule, lhv } : withOperator({ ...rule, lhv }, allowed.includes("is not blank") ? "is not blank" : allowed[0]!));
  };
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={`Field, ${name}`} value={rule.lhv} onChange={(e) => changeField(e.target.value)} className={inputClass} {...useErrorProps(`${path}.lhv`)}>
          {!known && <option value={rule.lhv}>{rule.lhv || "Pick a field"}</option>}
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        <select aria-label={`Operator, ${name}`} value={rule.op} onChange={(e) => onChange(withOperator(rule, e.target.value as Operator))} className={inputClass} {...useErrorProps(`${path}.op`)}>
          {!operators.includes(rule.op) && <option value={rule.op}>{rule.op}</option>}
          {operators.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
        <RuleValue rule={rule} onChange={onChange} path={path} name={name} />
        <button type="button" onClick={onRemove} className={buttonClass("quiet", "sm")} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
      <FieldError path={`${path}.lhv`} />
      <FieldError path={`${path}.op`} />
      <FieldError path={`${path}.rhv`} />
    </div>
  );
}

function RuleValue({ rule, onChange, path, name }: Omit<RowProps, "onRemove">) {
  const invalid = useErrorProps(`${path}.rhv`);
  const input = valueInputOf(rule.op);
  const values = Array.isArray(rule.rhv) ? rule.rhv : rule.rhv === undefined ? [] : [rule.rhv];
  if (input === "none") return null;
  if (input === "list") return <ListInput label={`Values, ${name}`} value={values} onChange={(rhv) => onChange({ ...rule, rhv })} invalid={invalid} />;
  if (input === "range") {
    const setBound = (i: 0 | 1, text: string) => onChange({ ...rule, rhv: i === 0 ? [text, values[1] ?? ""] : [values[0] ?? "", text] });
    return (
      <span className="flex items-center gap-1 text-sm">
        <input aria-label={`From, ${name}`} value={values[0] ?? ""} onChange={(e) => setBound(0, e.target.value)} className={`${inputClass} w-28`} {...invalid} />
        and
        <input aria-label={`To, ${name}`} value={values[1] ?? ""} onChange={(e) => setBound(1, e.target.value)} className={`${inputClass} w-28`} {...invalid} />
      </span>
    );
  }
  const pattern = rule.op.includes("pattern");
  return (
    <input
      aria-label={`${pattern ? "Pattern" : "Value"}, ${name}`}
      value={values[0] ?? ""}
      placeholder={pattern ? "^[0-9]{5}$" : undefined}
      onChange={(e) => onChange({ ...rule, rhv: e.target.value })}
      className={`${inputClass} w-48 ${pattern ? "font-mono" : ""}`}
      {...invalid}
    />
  );
}
