// Words the import wizard shows for settings, statuses and how a column was matched. Pure and
// client-safe: the settings form and the mapping table use them in the browser.
import type { ImportView } from "./report/view";

export const ENCODING_LABELS = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 with BOM",
  "utf-16le": "UTF-16 LE with BOM",
  "utf-16be": "UTF-16 BE with BOM",
  "windows-1252": "Windows-1252",
} as const satisfies Record<ImportView["settings"]["encoding"], string>;

export const DELIMITER_LABELS = {
  ",": "Comma (,)",
  ";": "Semicolon (;)",
  "\t": "Tab",
  "|": "Pipe (|)",
} as const satisfies Record<ImportView["settings"]["delimiter"], string>;

export const STATUS_LABELS: Record<ImportView["status"], string> = {
  receiving: "Uploading",
  staged: "Uploaded",
  validating: "Validating",
  validated: "Validated",
  importing: "Importing",
  completed: "Completed",
  cancelled: "Cancelled",
  failed: "Stopped",
};

export const MATCHED_BY_LABELS: Record<string, string> = {
  exact: "Matched by name",
  synonym: "Matched by a usual name",
  fuzzy: "Matched by a close spelling",
  previous: "As mapped last time",
  values: "Matched by its values",
};

/** The wizard's steps in order; "target" only for account holders, who pick the flow and source. */
export const WIZARD_STEPS = [
  ["target", "Choose the target"],
  ["upload", "Upload"],
  ["file", "File settings"],
  ["mapping", "Map columns"],
  ["validate", "Validate"],
  ["import", "Import"],
  ["summary", "Summary"],
] as const;

export type WizardStep = (typeof WIZARD_STEPS)[number][0];

/**
 * The step an import's page opens at: where its status puts it, or the step asked for in the URL
 * when that step can still be changed (file settings and mapping, until the import starts).
 */
export function stepOf(view: Pick<ImportView, "status" | "mapping">, requested?: string): WizardStep {
  const editable = view.status === "staged" || view.status === "validated";
  if (editable && (requested === "file" || requested === "mapping")) return requested;
  switch (view.status) {
    case "receiving":
      return "upload";
    case "staged":
      return view.mapping ? "mapping" : "file";
    case "validating":
    case "validated":
      return "validate";
    case "importing":
      return "import";
    default:
      return "summary";
  }
}

/** Valid rows after validation: neither failing a criterion nor repeating an earlier row (the two never overlap). */
export const validRows = (view: Pick<ImportView, "rows" | "invalid" | "duplicates">) => Math.max(0, view.rows - view.invalid - view.duplicates);

export const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
