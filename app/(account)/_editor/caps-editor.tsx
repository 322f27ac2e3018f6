"use client";

// Volume caps: at most `limit` successful leads per period, optionally counting only some leads. The
// flow's ping limits have the same shape and are edited here too, worded for pings that get a bid.
import { buttonClass, inputClass } from "@/app/_components/ui";
import type { Cap } from "@/lib/flow/model";
import { newCap, removeAt, replaceAt } from "@/lib/flows/editor-ops";
import { FieldError, useErrorProps } from "./editor-context";
import { RuleSetEditor } from "./rule-set-editor";
import { NumberInput } from "./text-inputs";

const PERIODS: Cap["period"][] = ["minute", "hour", "day", "week", "month"];

const WORDING = {
  cap: { item: "cap", counted: "leads", none: (owner: string) => `No caps: ${owner} takes any number of leads.`, lead: "lead" },
  "ping-limit": { item: "ping limit", counted: "bids on pings", none: (owner: string) => `No ping limits: ${owner} bids on any number of pings.`, lead: "ping" },
} as const;

type Kind = keyof typeof WORDING;
type Props = { value: Cap[]; onChange: (next: Cap[]) => void; path: string; owner: string; kind?: Kind };

export function CapsEditor({ value, onChange, path, owner, kind = "cap" }: Props) {
  const words = WORDING[kind];
  return (
    <div className="space-y-3">
      {value.length === 0 && <p className="text-sm text-slate-600">{words.none(owner)}</p>}
      <ul className="space-y-3">
        {value.map((cap, i) => (
          <CapRow key={cap.id} cap={cap} kind={kind} name={`${words.item} ${i + 1} of ${owner}`} path={`${path}.${i}`} onChange={(next) => onChange(replaceAt(value, i, next))} onRemove={() => onChange(removeAt(value, i))} />
        ))}
      </ul>
      <button type="button" onClick={() => onChange([...value, newCap(kind)])} className={buttonClass("secondary", "sm")}>
        + Add {words.item}
      </button>
    </div>
  );
}

type RowProps = { cap: Cap; kind: Kind; name: string; path: string; onChange: (next: Cap) => void; onRemove: () => void };

function CapRow({ cap, kind, name, path, onChange, onRemove }: RowProps) {
  const words = WORDING[kind];
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        At most
        <NumberInput label={`Limit, ${name}`} value={cap.limit} min={0} step="1" onChange={(limit) => onChange({ ...cap, limit })} invalid={useErrorProps(`${path}.limit`)} />
        {words.counted} per
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
      <p className="mb-1 mt-2 text-xs text-slate-600">
        Count only {words.lead}s that match (none: every {words.lead} counts):
      </p>
      <RuleSetEditor
        value={cap.ruleSet}
        onChange={(ruleSet) => onChange({ ...cap, ruleSet })}
        path={`${path}.ruleSet`}
        legend={`${words.lead === "lead" ? "Leads" : "Pings"} counted by ${name}`}
        emptyText={`Every ${words.lead} counts.`}
      />
    </li>
  );
}
