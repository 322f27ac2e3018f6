import { describe, expect, it } from "vitest";
import { importEmail, importEvent, type EndedImport } from "./event";

const ended: EndedImport = {
  id: "6932c49ef4e2b1c3d4000abc", status: "failed", fileName: "leads.csv", flowId: "f1", sourceId: "s1",
  rows: 10, processedRows: 6, successCount: 4, failureCount: 1, errorCount: 1, skippedRows: 0, invalidRows: 2, unreadableRows: 0,
  error: "The import stopped on an internal error.", completedAt: new Date("2026-12-06T01:30:00Z"),
};

describe("importEvent", () => {
  it("names the import, its status and counts, with absolute URLs under APP_URL (trailing slash or not)", () => {
    const event = importEvent(ended, { eventId: "evt_1", appUrl: "https://lp.example.com/", endedAt: new Date() });
    expect(event).toMatchObject({
      id: ended.id, event_id: "evt_1", type: "import.failed", status: "failed",
      // The 4 rows the failed import never reached are failures not imported, as in results.csv.
      counts: { rows: 10, processed: 6, success: 4, failure: 5, error: 1, not_imported: 4, skipped: 0, invalid: 2, unreadable: 0 },
      error: "The import stopped on an internal error.", ended_at: "2026-12-06T01:30:00.000Z",
      results_url: `https://lp.example.com/api/imports/${ended.id}/results.csv`,
      summary_url: `https://lp.example.com/api/imports/${ended.id}/summary`,
      page_url: `https://lp.example.com/imports/${ended.id}`,
    });
  });
});

describe("importEmail", () => {
  it("says how the import ended, its counts, why it failed and where to look", () => {
    const mail = importEmail(importEvent(ended, { eventId: "e", appUrl: "https://lp.example.com", endedAt: new Date() }));
    expect(mail.subject).toBe("Import failed: leads.csv");
    expect(mail.text).toContain("Success: 4\nFailure: 5 (4 of them not imported)\nError: 1");
    expect(mail.text).toContain("A failure is a lead the flow did not accept, or a row not imported");
    expect(mail.text).toContain("The import stopped on an internal error.");
    const none = importEmail(importEvent({ ...ended, status: "completed", processedRows: 10, successCount: 8 }, { eventId: "e", appUrl: "https://x", endedAt: new Date() }));
    expect(none.text).toContain("Failure: 1\nError: 1");
    expect(mail.text).toContain(`https://lp.example.com/imports/${ended.id}`);
  });
});
