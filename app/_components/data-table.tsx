// The app's tables: one header row of column headers (scope="col"), one body row per item. Pages
// name their columns and rows; the markup, padding and header look live here so tables stay alike.
// No hooks and no "use client": it renders in Server and Client Components alike.

type ColumnHeader = {
  header: React.ReactNode;
  /** Counts and money: right-aligned, with figures of one width so columns of numbers line up. */
  numeric?: boolean;
  headerClassName?: string;
};

export type Column<Row> = ColumnHeader & {
  cell: (row: Row) => React.ReactNode;
  /** The cell that names its row (`<th scope="row">`): screen readers announce it with the row's other cells. */
  rowHeader?: boolean;
  className?: string;
};

// shaded: the app's tables; tinted: the Submission Docs; bare: a table inside a form or result card.
const HEADS = {
  shaded: "bg-slate-100 text-left",
  tinted: "bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600",
  bare: "text-left text-xs uppercase tracking-wide text-slate-600",
} as const;

// Header and body cell padding. compact keeps long lists of lines short; inline has no box around
// the table, so only a gap between columns.
const PADDING = {
  roomy: { head: "px-4 py-2", cell: "px-4 py-2" },
  normal: { head: "px-3 py-2", cell: "px-3 py-2" },
  compact: { head: "px-3 py-2", cell: "px-3 py-1.5" },
  inline: { head: "py-1 pr-2 last:pr-0", cell: "py-1.5 pr-2 last:pr-0" },
} as const;

type TableLook = { head?: keyof typeof HEADS; padding?: keyof typeof PADDING };

const classes = (...parts: Array<string | false | undefined>) => parts.filter(Boolean).join(" ");

export const rowClass = "border-t border-slate-200";

/** Just the `<thead>`, for a table whose rows are its own (form controls in cells, a row of its own first). */
export function TableHead({ columns, head = "shaded", padding = "normal" }: TableLook & { columns: ColumnHeader[] }) {
  return (
    <thead className={HEADS[head]}>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className={classes(PADDING[padding].head, column.numeric && "text-right", column.headerClassName)}>
            {column.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

type DataTableProps<Row> = TableLook & {
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row, index: number) => React.Key;
  /** Read by screen readers only; it names the table for them (and for `getByRole("table", { name })`). */
  caption?: React.ReactNode;
  /** Extra classes on the `<table>`: margins, a border. */
  className?: string;
  /** As wide as its content rather than its container, for file previews that scroll sideways. */
  fit?: boolean;
  rowClassName?: string;
  /** Shown in one full-width row when there are no rows. */
  empty?: React.ReactNode;
  /** The rows of a `<tfoot>`, such as totals. */
  footer?: React.ReactNode;
};

export function DataTable<Row>({ columns, rows, rowKey, caption, className, fit, rowClassName, empty, footer, head, padding = "normal" }: DataTableProps<Row>) {
  const cellPadding = PADDING[padding].cell;
  return (
    <table className={classes(!fit && "w-full", "text-sm", className)}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <TableHead columns={columns} head={head} padding={padding} />
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} className={classes(rowClass, rowClassName)}>
            {columns.map((column, c) => {
              const className = classes(cellPadding, column.rowHeader && "text-left", column.numeric && "text-right tabular-nums", column.className);
              return column.rowHeader ? (
                <th key={c} scope="row" className={className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={c} className={className}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={columns.length} className={classes(cellPadding, "text-slate-600")}>
              {empty}
            </td>
          </tr>
        )}
      </tbody>
      {footer && <tfoot className="border-t-2 border-slate-300 font-semibold">{footer}</tfoot>}
    </table>
  );
}
