// Writes one audit entry. Callers pass the transaction that makes the change, so an entry exists
// exactly when the change does.
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditActor = { id: string | null; email: string };

export type AuditAction =
  | "person.invited"
  | "person.invitation_revoked"
  | "person.joined"
  | "person.removed"
  | "person.role_changed"
  | "person.reset_link_made"
  | "person.setup_link_made"
  | "account.created"
  | "account.settings_changed"
  | "account.import_webhook_set"
  | "account.import_webhook_removed"
  | "source.api_key_rotated"
  | "source.docs_link_rotated"
  | "source.created"
  | "source.enabled"
  | "source.disabled"
  | "source.import_webhook_set"
  | "source.import_webhook_removed"
  | "report_link.shared"
  | "report_link.revoked"
  | "flow.created"
  | "flow.saved"
  | "flow.reverted"
  | "flow.enabled"
  | "flow.disabled"
  | "import.cancelled";

export type AuditEntry = {
  accountId: string;
  actor: AuditActor;
  action: AuditAction;
  target: { type: "person" | "invitation" | "account" | "source" | "report_link" | "flow" | "import"; id: string; label?: string };
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Pick<Db, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    accountId: entry.accountId,
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    targetLabel: entry.target.label ?? "",
    details: entry.details ?? {},
  });
}
