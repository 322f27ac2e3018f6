// A report as both the account holder and a shared link's viewer see it: totals, chart, table.
// `rowHref` links a row to the same leads in the Leads view (account holders only).
import { formatCount, formatMoney } from "@/lib/leads/format";
import type { ReportRow, ReportTable } from "@/lib/reports/build-report";
import { GROUP_LABELS } from "@/lib/reports/report-params";
import { BarChart } from "./bar-chart";

export function ReportTotals({ totals }: { totals: ReportTable["totals"] }) {
  const items = [
    ["Submitted", formatCount(totals.submitted)],
    ["Success", formatCount(totals.success)],
    ["Failure", formatCount(totals.failure)],
    ["Error", formatCount(totals.error)],
    ["Cost", formatMoney(totals.cost)],
  ];
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
          <dd className="mt-1 text-xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportView({ table, rowHref }: { table: ReportTable; rowHref?: (row: ReportRow) => string | null }) {
  const groupLabel = GROUP_LABELS[table.groupBy];
  if (table.rows.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No leads in this time frame.</p>;
  return (
    <>
      <BarChart rows={table.rows} title={`Leads by ${groupLabel.toLowerCase()}: success, failure and error`} />
      <table className="mt-4 w-full rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">Lead counts by {groupLabel.toLowerCase()}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">{groupLabel}</th>
            {["Submitted", "Success", "Failure", "Error", "Cost"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-right">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => {
            const href = rowHref?.(r);
            return (
              <tr key={r.key || `row-${i}`} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {href ? <a href={href} className="text-blue-800 hover:underline">{r.label}</a> : r.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.submitted)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.success)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.failure)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.error)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMoney(r.cost)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">Total</th>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(table.totals.submitted)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(table.totals.success)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(table.totals.failure)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(table.totals.error)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatMoney(table.totals.cost)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
