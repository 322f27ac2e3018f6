"use client";

// The flow's fields: standard ones from the catalog, custom ones with a type, and a one-click
// "required" toggle that adds or removes the matching acceptance criterion.
import { useId, useState } from "react";
import { rowClass, TableHead } from "@/app/_components/data-table";
import { buttonClass, inputClass, labelClass } from "@/app/_components/ui";
import { requiredFieldIds } from "@/lib/flow/acceptance";
import { fieldIdSchema, TYPE_NAMES, type Criterion, type FieldDef, type TypeName } from "@/lib/flow/model";
import { fieldIdFromLabel, moveItem, removeAt, replaceAt, setFieldRequired } from "@/lib/flows/editor-ops";
import { FieldError, useErrorProps } from "./editor-context";

type Props = {
  fields: FieldDef[];
  acceptance: Criterion[];
  standardFields: readonly FieldDef[];
  onChange: (next: { fields: FieldDef[]; acceptance: Criterion[] }) => void;
};

const typeLabel = (type: TypeName) => type.replace(/_/g, " ");

export function FieldsEditor({ fields, acceptance, standardFields, onChange }: Props) {
  const required = new Set(requiredFieldIds(acceptance));
  const setFields = (next: FieldDef[]) => onChange({ fields: next, acceptance });
  const remove = (i: number) => {
    const field = fields[i]!;
    onChange({ fields: removeAt(fields, i), acceptance: setFieldRequired(acceptance, field, false) });
  };
  return (
    <div className="space-y-4">
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">No fields yet. Add the fields a lead carries: sources see them on their Submission Docs.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Fields of this flow</caption>
          <TableHead head="bare" padding="inline" columns={[{ header: "Label" }, { header: "Field id" }, { header: "Type" }, { header: "Required" }, { header: <span className="sr-only">Actions</span> }]} />
          <tbody>
            {fields.map((field, i) => (
              <FieldRow
                key={field.id}
                field={field}
                index={i}
                count={fields.length}
                required={required.has(field.id)}
                onChange={(next) => setFields(replaceAt(fields, i, next))}
                onRequired={(on) => onChange({ fields, acceptance: setFieldRequired(acceptance, field, on) })}
                onMove={(delta) => setFields(moveItem(fields, i, delta))}
                onRemove={() => remove(i)}
              />
            ))}
          </tbody>
        </table>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <AddStandardField fields={fields} standardFields={standardFields} onAdd={(f) => setFields([...fields, f])} />
        <AddCustomField fields={fields} onAdd={(f) => setFields([...fields, f])} />
      </div>
    </div>
  );
}

type RowProps = {
  field: FieldDef;
  index: number;
  count: number;
  required: boolean;
  onChange: (next: FieldDef) => void;
  onRequired: (on: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

function FieldRow({ field, index, count, required, onChange, onRequired, onMove, onRemove }: RowProps) {
  const path = `fields.${index}`;
  return (
    <tr className={`${rowClass} align-top`}>
      <td className="py-2 pr-2">
        <input aria-label={`Label of ${field.id}`} value={field.label} onChange={(e) => onChange({ ...field, label: e.target.value })} className={`${inputClass} w-full`} {...useErrorProps(`${path}.label`)} />
        <FieldError path={`${path}.label`} />
      </td>
      <td className="py-2 pr-2">
        <code className="text-slate-700">{field.id}</code>
        {field.custom && <span className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-600">custom</span>}
        <FieldError path={`${path}.id`} />
      </td>
      <td className="py-2 pr-2">
        {field.custom ? (
          <select aria-label={`Type of ${field.label}`} value={field.type} onChange={(e) => onChange({ ...field, type: e.target.value as TypeName })} className={inputClass}>
            {TYPE_NAMES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        ) : (
          typeLabel(field.type)
        )}
      </td>
      <td className="py-2 pr-2">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={required} onChange={(e) => onRequired(e.target.checked)} className="h-4 w-4" />
          <span className="sr-only">{field.label} is </span>required
        </label>
      </td>
      <td className="whitespace-nowrap py-2 text-right">
        <button type="button" disabled={index === 0} onClick={() => onMove(-1)} className={buttonClass("quiet", "sm")} aria-label={`Move ${field.label} up`}>
          ↑
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(1)} className={buttonClass("quiet", "sm")} aria-label={`Move ${field.label} down`}>
          ↓
        </button>
        <button type="button" onClick={onRemove} className={buttonClass("quiet", "sm")} aria-label={`Remove ${field.label}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}

function AddStandardField({ fields, standardFields, onAdd }: { fields: FieldDef[]; standardFields: readonly FieldDef[]; onAdd: (f: FieldDef) => void }) {
  const id = useId();
  const available = standardFields.filter((s) => !fields.some((f) => f.id === s.id));
  const [choice, setChoice] = useState("");
  const selected = available.find((f) => f.id === choice) ?? available[0];
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <label htmlFor={id} className={labelClass}>
        Standard field
      </label>
      <div className="mt-1 flex gap-2">
        <select id={id} value={selected?.id ?? ""} onChange={(e) => setChoice(e.target.value)} className={`${inputClass} flex-1`} disabled={!selected}>
          {available.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} ({typeLabel(f.type)})
            </option>
          ))}
        </select>
        <button type="button" disabled={!selected} onClick={() => selected && onAdd(selected)} className={buttonClass("secondary")}>
          Add field
        </button>
      </div>
    </div>
  );
}

function AddCustomField({ fields, onAdd }: { fields: FieldDef[]; onAdd: (f: FieldDef) => void }) {
  const base = useId();
  const [label, setLabel] = useState("");
  const [fieldId, setFieldId] = useState<string | null>(null);
  const [type, setType] = useState<TypeName>("string");
  const [problem, setProblem] = useState<string | null>(null);
  const id = fieldId ?? fieldIdFromLabel(label);
  const add = () => {
    const checked = fieldIdSchema.safeParse(id);
    if (label.trim() === "") return setProblem("Give the field a label");
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? "Not a valid field id");
    if (fields.some((f) => f.id === id)) return setProblem(`The flow already has a field "${id}"`);
    onAdd({ id, label: label.trim(), type, custom: true });
    setLabel("");
    setFieldId(null);
    setProblem(null);
  };
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <p className={labelClass}>Custom field</p>
      <div className="mt-1 flex flex-wrap gap-2">
        <input aria-label="Custom field label" placeholder="Loan Amount" value={label} onChange={(e) => setLabel(e.target.value)} className={`${inputClass} w-36`} />
        <input
          aria-label="Custom field id"
          placeholder="loan_amount"
          value={id}
          onChange={(e) => setFieldId(e.target.value)}
          className={`${inputClass} w-36 font-mono`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${base}-problem` : undefined}
        />
        <select aria-label="Custom field type" value={type} onChange={(e) => setType(e.target.value as TypeName)} className={inputClass}>
          {TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
        <button type="button" onClick={add} className={buttonClass("secondary")}>
          Add custom field
        </button>
      </div>
      {problem && (
        <p id={`${base}-problem`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
