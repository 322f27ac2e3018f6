// What an import looks like from outside: the status JSON of the API, the SSE events and the pages.
// Explicit fields only; nothing internal (locks, cursors, stored bytes) leaks.
import type { Import } from "@/db/schema";
import { resultsAvailableUntil, resultsPruned } from "../retention";
import { rowOutcomes, type RowOutcomes } from "./row-outcomes";
import type { Mapping, Notice, ReadSettings, StoredSettings } from "../settings";

export type ImportView = {
  id: string;
  status: Import["status"];
  fileName: string;
  flowId: string | null;
  sourceId: string | null;
  bytes: number;
  /** Data rows staged from the file (blank lines and the header row not counted). */
  rows: number;
  /** Rows with a problem: unreadable ones and those failing acceptance criteria (after validation). */
  invalid: number;
  duplicates: number;
  /** Rows that could not be read as the header says (too few or too many values). */
  unreadable: number;
  validated: number;
  processed: number;
  /** Rows by outcome, as results.csv gives them (row-outcomes.ts): failure counts failed leads and rows not imported. */
  outcomes: { success: number; failure: number; error: number };
  /** Of the failure rows, those without a lead (reason "Not imported: ..."). */
  notImported: number;
  settings: ReadSettings;
  detected: ReadSettings;
  headers: string[];
  notices: Notice[];
  mapping: Mapping | null;
  mode: "all" | "valid" | null;
  /** Why a failed import stopped. */
  message: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** False once the file and rows are pruned (IMPORT_FILE_RETENTION_DAYS after it finished): no results.csv. */
  resultsAvailable: boolean;
  /** When a finished import's results go; null while it is not finished. */
  resultsAvailableUntil: string | null;
};

/** Statuses in which a job is (or will be) working; SSE streams end when the import leaves them. */
export const WORKING_STATUSES: ReadonlySet<Import["status"]> = new Set(["receiving", "validating", "importing"]);

const pickOutcomes = ({ outcomes, notImported }: RowOutcomes) => ({ outcomes, notImported });

export function toImportView(imp: Import, options: { retentionDays: number }): ImportView {
  const { detected, ...settings } = imp.settings as StoredSettings;
  const until = resultsAvailableUntil(imp, options.retentionDays);
  return {
    id: imp.id,
    status: imp.status,
    fileName: imp.fileName,
    flowId: imp.flowId,
    sourceId: imp.sourceId,
    bytes: imp.bytes,
    rows: imp.rows,
    invalid: Math.max(imp.invalidRows, imp.unreadableRows),
    duplicates: imp.duplicateRows,
    unreadable: imp.unreadableRows,
    validated: imp.validatedRows,
    processed: imp.processedRows,
    ...pickOutcomes(rowOutcomes(imp)),
    settings,
    detected,
    headers: imp.headers as string[],
    notices: imp.notices as Notice[],
    mapping: (imp.mapping as Mapping | null) ?? null,
    mode: imp.mode === "all" || imp.mode === "valid" ? imp.mode : null,
    message: imp.error,
    createdAt: imp.createdAt.toISOString(),
    updatedAt: imp.updatedAt.toISOString(),
    completedAt: imp.completedAt?.toISOString() ?? null,
    resultsAvailable: !resultsPruned(imp, options.retentionDays),
    resultsAvailableUntil: until?.toISOString() ?? null,
  };
}
