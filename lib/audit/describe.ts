// One readable sentence per audit entry for /settings/audit. The target's label (a person's email, a
// flow's name) sits in its own column, so sentences leave it out. Pure; details are read defensively
// because old entries may lack fields newer code writes.
import { ROLE_LABELS, ROLES, type HolderRole } from "@/lib/auth/roles";
import type { AuditAction } from "./record";

export type DescribableEvent = { action: string; details: unknown };

type Details = Record<string, unknown>;

const role = (value: unknown): string | null => (ROLES.includes(value as HolderRole) ? ROLE_LABELS[value as HolderRole] : null);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const asRole = (value: unknown) => (role(value) ? ` as ${role(value)}` : "");

const SETTING_NAMES: Record<string, string> = { name: "name", timeZone: "time zone" };

function settingsChanges(details: Details): string {
  const from = (details.from ?? {}) as Details;
  const to = (details.to ?? {}) as Details;
  const parts = Object.keys(to)
    .filter((key) => key in SETTING_NAMES)
    .map((key) => `${SETTING_NAMES[key]} from “${String(from[key] ?? "")}” to “${String(to[key])}”`);
  return parts.length ? `Changed the account's ${parts.join(" and ")}` : "Changed the account settings";
}

const quoted = (value: unknown): string => `“${typeof value === "string" ? value : ""}”`;

function correctedRow(details: Details): string {
  const line = num(details.line);
  const columns = Array.isArray(details.columns) ? details.columns.filter((c): c is string => typeof c === "string") : [];
  const where = columns.length > 0 ? ` (${columns.join(", ")})` : "";
  return line ? `Corrected line ${line} of an import${where}` : "Corrected a row of an import";
}

function replacedInColumn(details: Details): string {
  const rows = num(details.rows);
  const column = text(details.column);
  if (!column || rows === null) return "Replaced a value in a column of an import";
  return `Replaced ${quoted(details.find)} with ${quoted(details.replace)} in the column “${column}” of an import (${rows} ${rows === 1 ? "row" : "rows"})`;
}

const SENTENCES: Record<AuditAction, (d: Details) => string> = {
  "person.invited": (d) => `Invited a person${asRole(d.role)}`,
  "person.invitation_revoked": () => "Revoked an invitation",
  "person.joined": (d) => `Joined the account${asRole(d.role)}`,
  "person.removed": () => "Removed a person from the account",
  "person.role_changed": (d) => (role(d.from) && role(d.to) ? `Changed a role from ${role(d.from)} to ${role(d.to)}` : "Changed a role"),
  "person.reset_link_made": () => "Made a password reset link",
  "person.setup_link_made": () => "Made a new setup link",
  "account.created": () => "Created the account",
  "account.settings_changed": settingsChanges,
  "account.import_webhook_set": (d) => (text(d.url) ? `Set the account's import webhook to ${text(d.url)}` : "Set the account's import webhook"),
  "account.import_webhook_removed": () => "Removed the account's import webhook",
  "source.api_key_rotated": () => "Rotated a source's API key",
  "source.docs_link_rotated": () => "Made a new Submission Docs link for a source",
  "source.created": (d) => (text(d.flowName) ? `Created a source in the flow “${text(d.flowName)}”` : "Created a source"),
  "source.enabled": () => "Enabled a source",
  "source.disabled": () => "Disabled a source",
  "source.import_webhook_set": (d) => (text(d.url) ? `Set a source's import webhook to ${text(d.url)}` : "Set a source's import webhook"),
  "source.import_webhook_removed": () => "Removed a source's import webhook",
  "report_link.shared": (d) => (d.newUrl ? "Gave a shared report link a new URL" : "Shared a report link"),
  "report_link.revoked": () => "Stopped a shared report link",
  "flow.created": () => "Created a flow",
  "flow.saved": (d) => (num(d.version) ? `Saved a flow as version ${num(d.version)}` : "Saved a flow"),
  "flow.reverted": (d) =>
    num(d.restored) ? `Reverted a flow to version ${num(d.restored)}${num(d.version) ? ` (now version ${num(d.version)})` : ""}` : "Reverted a flow",
  "flow.enabled": () => "Enabled a flow",
  "flow.disabled": () => "Disabled a flow",
  "import.cancelled": () => "Cancelled an import",
  "import.row_corrected": correctedRow,
  "import.column_replaced": replacedInColumn,
};

export function describeAuditEvent(event: DescribableEvent): string {
  const sentence = SENTENCES[event.action as AuditAction];
  const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? (event.details as Details) : {};
  // An action this version does not know (written by a newer one): show its name rather than nothing.
  return sentence ? sentence(details) : event.action;
}
