// The filters the Leads view and reports share, as a plain GET form: every filtered view is a URL
// that can be bookmarked, and the same URL params mean the same leads on both pages.
import Link from "next/link";
import { fieldClass, labelClass, TimeFrameFields } from "@/app/_components/time-frame-fields";
import type { LeadParams } from "@/lib/leads/filters";
import type { FilterOptions } from "@/lib/leads/view";
import { GROUP_BYS, GROUP_LABELS, type GroupBy } from "@/lib/reports/report-params";

type Props = { action: string; params: LeadParams & { group?: GroupBy }; options: FilterOptions; mode: "leads" | "report" };

function Select({ id, name, label, value, choices, all }: { id: string; name: string; label: string; value?: string; choices: Array<{ value: string; label: string }>; all?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
        {all !== undefined && <option value="">{all}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LeadFilterForm({ action, params, options, mode }: Props) {
  return (
    <form method="get" action={action} role="search" aria-label={mode === "leads" ? "Filter leads" : "Report filters"} className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {mode === "leads" && (
          <div className="sm:col-span-2">
            <label htmlFor="f-q" className={labelClass}>
              Search <span className="font-normal text-slate-600">(lead id, email, phone, name or reference)</span>
            </label>
            <input id="f-q" type="search" name="q" defaultValue={params.q} className={fieldClass} />
          </div>
        )}
        <TimeFrameFields frame={params} idPrefix="f" />
        {mode === "report" && (
          <Select id="f-group" name="group" label="Group by" value={params.group} choices={GROUP_BYS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))} />
        )}
        <Select id="f-flow" name="flow" label="Flow" value={params.flow[0]} all="All flows" choices={options.flows.map((f) => ({ value: f.id, label: f.name }))} />
        <Select id="f-source" name="source" label="Source" value={params.source[0]} all="All sources" choices={options.sources.map((s) => ({ value: s.id, label: `${s.name} (${s.flowName})` }))} />
        <Select id="f-outcome" name="outcome" label="Outcome" value={params.outcome[0]} all="All outcomes" choices={["success", "failure", "error"].map((o) => ({ value: o, label: o }))} />
        <div>
          <label htmlFor="f-reason" className={labelClass}>
            Reason
          </label>
          <input id="f-reason" name="reason" defaultValue={params.reason[0]} className={fieldClass} />
        </div>
        <Select id="f-import" name="import" label="Import" value={params.import[0]} all="Any import or none" choices={options.imports.map((i) => ({ value: i.id, label: i.name }))} />
        <div>
          <label htmlFor="f-field" className={labelClass}>
            Field <span className="font-normal text-slate-600">(e.g. state)</span>
          </label>
          <input id="f-field" name="field" defaultValue={params.field} pattern="[a-z][a-z0-9_]*" className={fieldClass} />
        </div>
        <div>
          <label htmlFor="f-value" className={labelClass}>
            Field value
          </label>
          <input id="f-value" name="value" defaultValue={params.value} className={fieldClass} />
        </div>
        <div className="flex items-end gap-2 pb-2">
          <input id="f-batch" type="checkbox" name="batch" value="1" defaultChecked={params.batch !== undefined} className="h-4 w-4" />
          <label htmlFor="f-batch" className="text-sm font-medium text-slate-700">
            Batch leads only
          </label>
        </div>
      </div>
      <div className="mt-4 flex gap-3">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {mode === "leads" ? "Show leads" : "Show report"}
        </button>
        <Link href={action} className="px-2 py-2 text-sm text-blue-800 hover:underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
