// The CSV files an import hands out, streamed a page at a time with backpressure: the consumer's
// pace decides when the next page is read, so a million-row file never sits in memory. Cells go
// through the exports' csvLine, which neutralizes anything a spreadsheet would run as a formula.
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { csvLine } from "@/lib/leads/csv";
import { logger } from "@/lib/logger";
import { problemText, readProblems, readResults } from "./report";

const PAGE = 1000;

export const RESULT_COLUMNS = ["import_line_num", "import_outcome", "import_lead_id", "import_reason", "import_corrected"];

/**
 * Original columns plus import_line_num, import_outcome, import_lead_id, import_reason and
 * import_corrected: one line per data row of the file, unreadable rows included. A row corrected in
 * place (issue #16) shows the values it was imported with and import_corrected `true`. A row with more values than the header is cut to
 * the header's width here (its problem says so); the staged row keeps every value.
 */
export function resultsCsv(database: Database, imp: Import): ReadableStream<Uint8Array> {
  const headers = imp.headers as string[];
  return pagedCsv(`${imp.id} results.csv`, [...headers, ...RESULT_COLUMNS], async (after) => {
    const rows = await readResults(database, imp, { after, limit: PAGE });
    return rows.map((r) => ({ line: r.line, cells: [...fit(r.cells, headers.length), r.line, r.outcome, r.leadId, r.reason, r.corrected ? "true" : "false"] }));
  });
}

/** The invalid rows and the repeats within the file ("Duplicate of line N"), with their original columns, line and reason: to fix and upload again. */
export function problemsCsv(database: Database, imp: Import): ReadableStream<Uint8Array> {
  const headers = imp.headers as string[];
  return pagedCsv(`${imp.id} problems.csv`, [...headers, "import_line_num", "import_reason"], async (after) => {
    const rows = await readProblems(database, imp.id, { after, limit: PAGE });
    return rows.map((r) => ({ line: r.line, cells: [...fit(r.cells, headers.length), r.line, problemText(r.problems, r.duplicateOfLine)] }));
  });
}

function fit(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  return cells.length > width ? cells.slice(0, width) : [...cells, ...Array<string>(width - cells.length).fill("")];
}

type Page = Array<{ line: number; cells: Array<string | number | null> }>;

/**
 * A page that cannot be read errors the stream, logged here (issue #13): the server then breaks the
 * download off instead of ending it, so a failed file never passes for a complete one.
 */
export function pagedCsv(file: string, header: string[], readPage: (afterLine: number) => Promise<Page>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // A UTF-8 byte order mark, so Excel reads accented names right.
          controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
          return;
        }
        let rows: Page;
        try {
          rows = await readPage(after);
        } catch (err) {
          logger.error({ err, file, afterLine: after }, "Import CSV download failed partway; the download was broken off");
          controller.error(new Error("The file could not be completed"));
          return;
        }
        if (rows.length === 0) {
          controller.close();
          return;
        }
        after = rows[rows.length - 1]!.line;
        controller.enqueue(encoder.encode(rows.map((r) => csvLine(r.cells)).join("")));
      },
    },
    { highWaterMark: 1 },
  );
}
