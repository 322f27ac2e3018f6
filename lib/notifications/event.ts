// The JSON body of an "import ended" webhook, and the email's words, from the import row as the
// transaction that ended it sees it. Pure: lib/notifications/outbox.ts stores the result.
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
  counts: { rows: number; processed: number; success: number; failure: number; error: number; skipped: number; invalid: number; unreadable: number };
  error: string | null;
  ended_at: string;
  results_url: string;
  summary_url: string;
  page_url: string;
};

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export function importEvent(imp: EndedImport, options: { eventId: string; appUrl: string; endedAt: Date }): ImportEvent {
  const api = `${base(options.appUrl)}/api/imports/${imp.id}`;
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
      success: imp.successCount,
      failure: imp.failureCount,
      error: imp.errorCount,
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
    `Failure: ${c.failure}`,
    `Error: ${c.error}`,
    `Not imported: ${c.skipped}`,
    ...(event.error ? ["", event.error] : []),
    "",
    `See the results: ${event.page_url}`,
  ];
  return { subject: `Import ${WORD[event.status]}: ${name}`.slice(0, 200), text: lines.join("\n") };
}
