// Writes one audit entry. Callers pass the transaction that makes the change, so an entry exists
// exactly when the change does: a drizzle transaction, or a plain-SQL one (db/transaction.ts) where
// the change itself is written in plain SQL (fixing rows in place).
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { SqlTransaction } from "@/db/transaction";

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
  | "import.cancelled"
  | "import.row_corrected"
  | "import.column_replaced";

export type AuditEntry = {
  accountId: string;
  actor: AuditActor;
  action: AuditAction;
  target: { type: "person" | "invitation" | "account" | "source" | "report_link" | "flow" | "import"; id: string; label?: string };
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Pick<Db, "insert"> | SqlTransaction, entry: AuditEntry): Promise<void> {
  // A drizzle database or transaction has a `query` too (its relational API): tell them apart by insert.
  if (!("insert" in db)) {
    await db.query(
      `insert into audit_events (account_id, actor_id, actor_email, action, target_type, target_id, target_label, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [entry.accountId, entry.actor.id, entry.actor.email, entry.action, entry.target.type, entry.target.id, entry.target.label ?? "", JSON.stringify(entry.details ?? {})],
    );
    return;
  }
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
