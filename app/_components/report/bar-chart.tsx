// A stacked horizontal bar per group (success, failure, error), drawn as inline SVG on the server:
// no client JavaScript, readable without colour (the table below carries every number).
import type { ReportRow } from "@/lib/reports/build-report";

const COLORS = { success: "#15803d", failure: "#d97706", error: "#b91c1c" } as const;
const WIDTH = 720;
const LABEL_WIDTH = 200;
const COUNT_WIDTH = 70;
const ROW = 24;
const MAX_ROWS = 40;

const truncate = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function BarChart({ rows, title }: { rows: ReportRow[]; title: string }) {
  const shown = rows.slice(0, MAX_ROWS);
  const max = Math.max(1, ...shown.map((r) => r.submitted));
  const barSpace = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = shown.length * ROW + 30;
  return (
    <figure className="overflow-x-auto">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="chart-title" className="max-w-3xl text-xs">
        <title id="chart-title">{title}</title>
        {shown.map((r, i) => {
          const y = i * ROW;
          let x = LABEL_WIDTH;
          return (
            <g key={r.key || `row-${i}`}>
              <text x={LABEL_WIDTH - 8} y={y + 16} textAnchor="end" fill="#334155">
                {truncate(r.label)}
              </text>
              {(["success", "failure", "error"] as const).map((kind) => {
                const w = (r[kind] / max) * barSpace;
                const rect = w > 0 ? <rect key={kind} x={x} y={y + 4} width={w} height={ROW - 8} fill={COLORS[kind]} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 16} fill="#334155">
                {r.submitted.toLocaleString("en-US")}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL_WIDTH}, ${shown.length * ROW + 10})`}>
          {(["success", "failure", "error"] as const).map((kind, i) => (
            <g key={kind} transform={`translate(${i * 90}, 0)`}>
              <rect width="12" height="12" fill={COLORS[kind]} />
              <text x="18" y="10" fill="#334155">
                {kind}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {rows.length > MAX_ROWS && <figcaption className="text-sm text-slate-600">The chart shows the first {MAX_ROWS} rows; the table has them all.</figcaption>}
    </figure>
  );
}
