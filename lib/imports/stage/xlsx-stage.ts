// Stages one sheet of a workbook into import_rows, as stage.ts stages a CSV: the same stager (header
// row, blank rows skipped and noted, short and long rows with their problem), the same COPY, so
// mapping, validation, import and results.csv work unchanged. The sheet is the one asked for, or
// else the first with a row to import (a sheet of one line, such as a note, is passed over).
import { copyJson, type CopyRows, type CopyTarget, type CopyValue } from "@/db/bulk-copy";
import { looksLikeHeader } from "../read/detect-dialect";
import type { CsvRow } from "../read/record-lines";
import { ImportRefused } from "../read/refusal";
import type { StoredSettings } from "../settings";
import { createStager, type StageSummary } from "./stage-rows";
import { IMPORT_ROWS } from "./staged-rows";
import { readSheets, type Sheet } from "../read/xlsx-read";

type Copy = (target: CopyTarget, rows: CopyRows) => Promise<number>;

/** What a workbook stores for encoding and delimiter: unused, kept so every import's settings have one shape. */
export const WORKBOOK_TEXT_SETTINGS = { encoding: "utf-8", delimiter: "," } as const;

// Rows read before the header row is decided; a sheet that opens with more blank rows decides on these.
const HEAD_ROWS = 10_000;

export type WorkbookChoice = {
  /** The sheet to stage; none: the first sheet with a row to import. */
  sheet?: string;
  /** Whether its first row names the columns; none: detected as for CSV. */
  header?: boolean;
  /** The most text the rows may produce (IMPORT_MAX_BYTES). */
  maxTextBytes: number;
};

export type WorkbookStaged = { summary: StageSummary; sheet: string; sheets: string[]; header: boolean; detectedHeader: boolean };

/** `open` gives the stored file from its start, each time it is called. */
export async function stageWorkbookRows(copy: Copy, importId: string, open: () => AsyncIterable<Uint8Array>, choice: WorkbookChoice): Promise<WorkbookStaged> {
  let tabs: string[] = [];
  for await (const sheet of readSheets(open, { maxTextBytes: choice.maxTextBytes })) {
    tabs = sheet.tabs;
    if (choice.sheet !== undefined && sheet.name !== choice.sheet) continue;
    const staged = await stageSheet(copy, importId, sheet, choice.header);
    if (staged !== null && staged !== "header_only") return { ...staged, sheet: sheet.name, sheets: tabs };
    if (choice.sheet !== undefined) {
      throw new ImportRefused(
        staged === "header_only"
          ? `The sheet "${sheet.name}" has a header row but no data rows. Add the leads below the header, or choose the sheet that holds them.`
          : `The sheet "${sheet.name}" is empty. Choose the sheet that holds the leads.`,
      );
    }
    // No sheet asked for: a cover sheet ("Read me", one line of notes) is passed over for the first
    // sheet with rows to import, which is the one a person means.
  }
  if (choice.sheet !== undefined) {
    throw new ImportRefused(`The workbook has no sheet named "${choice.sheet}". Its sheets: ${tabs.map((t) => `"${t}"`).join(", ") || "none"}.`);
  }
  throw new ImportRefused("No sheet of the workbook has rows to import (each is empty or holds only a header row). Choose the workbook that holds the leads.");
}

/** Settings stored for a staged workbook; `detected` keeps the default sheet and the list of sheets. */
export function workbookSettings(staged: WorkbookStaged, detected?: StoredSettings["detected"]): StoredSettings {
  const used = { ...WORKBOOK_TEXT_SETTINGS, format: "xlsx" as const, sheet: staged.sheet, header: staged.header };
  return { ...used, detected: detected ?? { ...used, header: staged.detectedHeader, sheets: staged.sheets } };
}

/** null when the sheet has no non-blank row, "header_only" when it has a header and no data rows (nothing is written then). */
async function stageSheet(copy: Copy, importId: string, sheet: Sheet, header: boolean | undefined) {
  const rows = sheet.rows()[Symbol.asyncIterator]();
  const head: CsvRow[] = [];
  const filled: CsvRow[] = [];
  let ended = false;
  while (filled.length < 2 && head.length < HEAD_ROWS) {
    const next = await rows.next();
    if (next.done) {
      ended = true;
      break;
    }
    for (const row of next.value) {
      head.push(row);
      if (!row.blank) filled.push(row);
    }
  }
  if (filled.length === 0 && ended) return null;
  const detectedHeader = filled[0] ? looksLikeHeader(filled[0].cells, filled[1]?.cells) : true;
  const useHeader = header ?? detectedHeader;
  const stager = createStager({ header: useHeader, encoding: "utf-8" });
  async function* batches() {
    const take = (records: CsvRow[]) => {
      const out: CopyValue[][] = [];
      for (const record of records) {
        const row = stager.take(record);
        if (row) out.push([importId, row.line, copyJson(row.cells), row.problem]);
      }
      return out;
    };
    const first = take(head);
    if (first.length > 0) yield first;
    if (ended) return;
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const batch = take(next.value);
      if (batch.length > 0) yield batch;
    }
  }
  await copy(IMPORT_ROWS, { batches: batches() });
  const summary = stager.finish();
  if (summary.rows === 0) {
    // Only blank rows (more of them than HEAD_ROWS): an empty sheet after all.
    return summary.headers.length === 0 ? null : ("header_only" as const);
  }
  return { summary, header: useHeader, detectedHeader };
}
