import { formatCount } from "@/lib/leads/format";

// A row of big numbers: the validation report's and the summary's counts.
export function CountTiles({ counts }: { counts: Array<[label: string, value: number]> }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
      {counts.map(([label, value]) => (
        <div key={label} className="rounded border border-slate-200 p-3">
          <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
