// The JSON body of an "import ended" webhook, and the email's words, from the import row as the
// transaction that ended it sees it. Pure: lib/notifications/outbox.ts stores the result.
// Rows are counted as the import page, the import JSON and results.csv count them (issue #14), by
// rowOutcomes: a row not imported is a failure, and not_imported says how many failures got no lead.
import { rowOutcomes } from "@/lib/imports/report/row-outcomes";
import { IMPORT_OUTCOMES_NOTE } from "@/lib/reports/import-outcomes-note";

export type EndedImport = {
  id: string;
  status: "completed" | "failed" | "cancelled";
  fileName: string;
  flowId: string | null;
  sourceId: string | null;
  rows: number;
  processedRows: number;
  successCount: number;
  failureCount: number;
  errorCount: number;
  skippedRows: number;
  invalidRows: number;
  unreadableRows: number;
  error: string | null;
  completedAt: Date | null;
};

export type ImportEvent = {
  id: string;
  event_id: string;
  type: `import.${EndedImport["status"]}`;
  status: EndedImport["status"];
  file_name: string;
  flow_id: string | null;
  source_id: string | null;
  counts: {
    rows: number;
    processed: number;
    /** success + failure + error = rows once ended, as results.csv's import_outcome. */
    success: number;
    /** Leads the flow did not accept plus rows not imported. */
    failure: number;
    error: number;
    /** Of the failures, rows with no lead (reason "Not imported: ..."), rows never reached included. */
    not_imported: number;
    /** Kept for old receivers: rows not imported that the import did reach (invalid, repeated, no flow). */
    skipped: number;
    invalid: number;
    unreadable: number;
  };
  error: string | null;
  ended_at: string;
  results_url: string;
  summary_url: string;
  page_url: string;
};

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export function importEvent(imp: EndedImport, options: { eventId: string; appUrl: string; endedAt: Date }): ImportEvent {
  const api = `${base(options.appUrl)}/api/imports/${imp.id}`;
  const { outcomes, notImported } = rowOutcomes(imp);
  return {
    id: imp.id,
    event_id: options.eventId,
    type: `import.${imp.status}`,
    status: imp.status,
    file_name: imp.fileName,
    flow_id: imp.flowId,
    source_id: imp.sourceId,
    counts: {
      rows: imp.rows,
      processed: imp.processedRows,
      ...outcomes,
      not_imported: notImported,
      skipped: imp.skippedRows,
      invalid: imp.invalidRows,
      unreadable: imp.unreadableRows,
    },
    error: imp.error,
    ended_at: (imp.completedAt ?? options.endedAt).toISOString(),
    results_url: `${api}/results.csv`,
    summary_url: `${api}/summary`,
    page_url: `${base(options.appUrl)}/imports/${imp.id}`,
  };
}

const WORD: Record<EndedImport["status"], string> = { completed: "finished", failed: "failed", cancelled: "was cancelled" };

export function importEmail(event: ImportEvent): { subject: string; text: string } {
  const name = event.file_name || "Your import";
  const c = event.counts;
  const lines = [
    `${name} ${WORD[event.status]}.`,
    "",
    `Rows in the file: ${c.rows}`,
    `Success: ${c.success}`,
    `Failure: ${c.failure}${c.not_imported > 0 ? ` (${c.not_imported} of them not imported)` : ""}`,
    `Error: ${c.error}`,
    "",
    IMPORT_OUTCOMES_NOTE,
    ...(event.error ? ["", event.error] : []),
    "",
    `See the results: ${event.page_url}`,
  ];
  return { subject: `Import ${WORD[event.status]}: ${name}`.slice(0, 200), text: lines.join("\n") };
}
