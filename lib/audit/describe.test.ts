import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "./describe";
import type { AuditAction } from "./record";

// Every action recordAudit accepts (the type makes leaving one out a compile error), each with the
// details its writer stores and the sentence the audit page shows.
const EXAMPLES: Record<AuditAction, { details?: unknown; sentence: string }> = {
  "person.invited": { details: { role: "viewer" }, sentence: "Invited a person as Viewer" },
  "person.invitation_revoked": { details: { role: "admin" }, sentence: "Revoked an invitation" },
  "person.joined": { details: { role: "editor" }, sentence: "Joined the account as Editor" },
  "person.removed": { details: { role: "viewer" }, sentence: "Removed a person from the account" },
  "person.role_changed": { details: { from: "editor", to: "admin" }, sentence: "Changed a role from Editor to Admin" },
  "person.reset_link_made": { sentence: "Made a password reset link" },
  "person.setup_link_made": { details: { via: "account:link" }, sentence: "Made a new setup link" },
  "account.created": { details: { owner: "a@example.com" }, sentence: "Created the account" },
  "account.settings_changed": {
    details: { from: { timeZone: "America/Chicago" }, to: { timeZone: "Europe/Berlin" } },
    sentence: "Changed the account's time zone from “America/Chicago” to “Europe/Berlin”",
  },
  "account.import_webhook_set": { details: { url: "https://crm.example.com/hooks" }, sentence: "Set the account's import webhook to https://crm.example.com/hooks" },
  "account.import_webhook_removed": { details: { url: "https://crm.example.com/hooks" }, sentence: "Removed the account's import webhook" },
  "source.import_webhook_set": { details: { url: "https://a.example/x" }, sentence: "Set a source's import webhook to https://a.example/x" },
  "source.import_webhook_removed": { sentence: "Removed a source's import webhook" },
  "source.api_key_rotated": { sentence: "Rotated a source's API key" },
  "source.docs_link_rotated": { sentence: "Made a new Submission Docs link for a source" },
  "source.created": { details: { flowId: "f1", flowName: "Mortgage" }, sentence: "Created a source in the flow “Mortgage”" },
  "source.enabled": { sentence: "Enabled a source" },
  "source.disabled": { sentence: "Disabled a source" },
  "report_link.shared": { details: { kind: "report" }, sentence: "Shared a report link" },
  "report_link.revoked": { sentence: "Stopped a shared report link" },
  "flow.created": { sentence: "Created a flow" },
  "flow.saved": { details: { version: 4 }, sentence: "Saved a flow as version 4" },
  "flow.reverted": { details: { version: 5, restored: 2 }, sentence: "Reverted a flow to version 2 (now version 5)" },
  "flow.enabled": { sentence: "Enabled a flow" },
  "flow.disabled": { sentence: "Disabled a flow" },
  "import.cancelled": { details: { from: "running" }, sentence: "Cancelled an import" },
  "import.row_corrected": { details: { line: 4, columns: ["State", "Email"] }, sentence: "Corrected line 4 of an import (State, Email)" },
  "import.column_replaced": {
    details: { column: "State", find: "XX", replace: "TX", rows: 3, lines: [4, 5, 6] },
    sentence: "Replaced “XX” with “TX” in the column “State” of an import (3 rows)",
  },
};

describe("describeAuditEvent", () => {
  it.each(Object.entries(EXAMPLES))("describes %s", (action, { details, sentence }) => {
    expect(describeAuditEvent({ action, details: details ?? {} })).toBe(sentence);
  });

  it("names both settings when the account's name and time zone changed", () => {
    const details = { from: { name: "Acme", timeZone: "UTC" }, to: { name: "Acme Leads", timeZone: "Europe/Berlin" } };
    expect(describeAuditEvent({ action: "account.settings_changed", details })).toBe(
      "Changed the account's name from “Acme” to “Acme Leads” and time zone from “UTC” to “Europe/Berlin”",
    );
  });

  it("still reads when details are missing or malformed", () => {
    expect(describeAuditEvent({ action: "person.role_changed", details: null })).toBe("Changed a role");
    expect(describeAuditEvent({ action: "person.invited", details: { role: "king" } })).toBe("Invited a person");
    expect(describeAuditEvent({ action: "flow.saved", details: ["x"] })).toBe("Saved a flow");
    expect(describeAuditEvent({ action: "report_link.shared", details: { newUrl: true } })).toBe("Gave a shared report link a new URL");
    expect(describeAuditEvent({ action: "import.row_corrected", details: { columns: "State" } })).toBe("Corrected a row of an import");
    expect(describeAuditEvent({ action: "import.column_replaced", details: { column: "State", find: "", replace: "TX", rows: 1 } })).toBe(
      "Replaced “” with “TX” in the column “State” of an import (1 row)",
    );
  });

  it("shows an action it does not know by its name", () => {
    expect(describeAuditEvent({ action: "lead.exported", details: {} })).toBe("lead.exported");
  });
});
