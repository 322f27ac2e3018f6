import { rowClass, TableHead } from "@/app/_components/data-table";
import { ScrollRegion } from "./scroll-region";
import type { MappingView } from "@/lib/imports/map/mapping";

// The mapping step's first rows as they will be read, the file's own layout (one column per column,
// as LeadConduit shows it). Folded away under the list, since a wide file runs sideways: inside its
// own scrolling region, so the page itself never does.

type Props = { columns: MappingView["columns"]; preview: MappingView["preview"]; selection: Array<string | null> };

export function MappingPreview({ columns, preview, selection }: Props) {
  const unreadable = preview.filter((row) => row.problem !== null).length;
  return (
    <details className="rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        The first {preview.length} rows as they will be read{unreadable > 0 ? ` (${unreadable} cannot be read as the header says)` : ""}
      </summary>
      <ScrollRegion label="The first rows as they will be read" className="border-t border-slate-200">
        <table className="text-sm">
          <caption className="sr-only">The first rows of the file, one column per column of the file</caption>
          <TableHead columns={[{ header: "Line" }, ...columns.map((c) => ({ header: c.header, headerClassName: "whitespace-nowrap" }))]} />
          <tbody>
            {preview.map((row) => (
              <tr key={row.line} className={rowClass}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal text-slate-600">
                  Line {row.line}
                  {row.problem && <span className="block text-xs text-amber-900">{row.problem}</span>}
                </th>
                {columns.map((c) => (
                  <td key={c.column} className={`px-3 py-1.5 ${selection[c.column] === null ? "text-slate-500 line-through" : ""}`}>
                    <span className="block max-w-56 truncate">{row.cells[c.column] ?? ""}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
