// A report as both the account holder and a shared link's viewer see it: totals, chart, table.
// `rowHref` links a row to the same leads in the Leads view (account holders only).
import { DataTable, type Column } from "@/app/_components/data-table";
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

type Counts = ReportTable["totals"];

// The same figures for each row and for the totals in the footer.
const COUNT_COLUMNS: Array<Column<Counts> & { header: string }> = [
  { header: "Submitted", numeric: true, cell: (c) => formatCount(c.submitted) },
  { header: "Success", numeric: true, cell: (c) => formatCount(c.success) },
  { header: "Failure", numeric: true, cell: (c) => formatCount(c.failure) },
  { header: "Error", numeric: true, cell: (c) => formatCount(c.error) },
  { header: "Cost", numeric: true, cell: (c) => formatMoney(c.cost) },
];

export function ReportView({ table, rowHref }: { table: ReportTable; rowHref?: (row: ReportRow) => string | null }) {
  const groupLabel = GROUP_LABELS[table.groupBy];
  if (table.rows.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No leads in this time frame.</p>;
  return (
    <>
      <BarChart rows={table.rows} title={`Leads by ${groupLabel.toLowerCase()}: success, failure and error`} />
      <DataTable
        caption={`Lead counts by ${groupLabel.toLowerCase()}`}
        className="mt-4 rounded-lg border border-slate-200 bg-white"
        rows={table.rows}
        rowKey={(r, i) => r.key || `row-${i}`}
        columns={[
          {
            header: groupLabel,
            rowHeader: true,
            className: "font-medium",
            cell: (r) => {
              const href = rowHref?.(r);
              return href ? <a href={href} className="text-blue-800 hover:underline">{r.label}</a> : r.label;
            },
          },
          ...COUNT_COLUMNS,
        ]}
        footer={
          <tr>
            <th scope="row" className="px-3 py-2 text-left">Total</th>
            {COUNT_COLUMNS.map((column) => (
              <td key={column.header} className="px-3 py-2 text-right tabular-nums">{column.cell(table.totals)}</td>
            ))}
          </tr>
        }
      />
    </>
  );
}
