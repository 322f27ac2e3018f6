// Writes an import's "ended" notices into the outbox (import_notifications), inside the transaction
// that gives the import its final status: they exist exactly when the status does, once per end.
// The webhook goes to the source's URL if it has one, else the account's; the email to the person
// who uploaded the file, only when mail is configured. No server-only imports: workers call this.
import { sql, type SQL } from "drizzle-orm";
import { envSchema, parseEnv } from "@/lib/env-schema";
import { newId } from "@/lib/ids";
import { importEmail, importEvent, type EndedImport } from "./event";
import type { WebhookOwner } from "./signature";

/** The plain-SQL shape of db/transaction.ts's SqlTransaction, which every caller can offer. */
export type QueryFn = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

const settingsSchema = envSchema.pick({ APP_URL: true, SMTP_URL: true });

type Row = {
  id: string; status: EndedImport["status"]; file_name: string; flow_id: string | null; source_id: string | null; account_id: string;
  rows: number; processed_rows: number; success_count: number; failure_count: number; error_count: number; skipped_rows: number;
  invalid_rows: number; unreadable_rows: number; error: string | null; completed_at: Date | string | null;
  source_url: string | null; source_nonce: string | null; account_url: string | null; account_nonce: string | null; starter_email: string | null;
};

const SELECT = `select i.id, i.status, i.file_name, i.flow_id, i.source_id, i.account_id, i.rows, i.processed_rows, i.success_count,
    i.failure_count, i.error_count, i.skipped_rows, i.invalid_rows, i.unreadable_rows, i.error, i.completed_at,
    s.import_webhook_url as source_url, s.import_webhook_nonce as source_nonce,
    a.import_webhook_url as account_url, a.import_webhook_nonce as account_nonce, h.email as starter_email
  from imports i join accounts a on a.id = i.account_id
  left join sources s on s.id = i.source_id
  left join account_holders h on h.id = i.started_by
  where i.id = $1`;

const INSERT = `insert into import_notifications (id, account_id, import_id, channel, target, signer, payload)
  values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`;

/** Call after the UPDATE that moved the import to completed, failed or cancelled, in its transaction. */
export async function recordImportEnd(query: QueryFn, importId: string): Promise<void> {
  const row = (await query(SELECT, [importId])).rows[0] as Row | undefined;
  if (!row || !["completed", "failed", "cancelled"].includes(row.status)) return;
  const settings = settingsSchema.parse({ ...process.env, APP_URL: parseEnv(process.env).APP_URL });
  const eventId = `evt_${newId()}`;
  const event = importEvent(ended(row), { eventId, appUrl: settings.APP_URL, endedAt: new Date() });
  const signer = webhookOwner(row);
  if (signer) {
    const url = signer.type === "source" ? row.source_url! : row.account_url!;
    await query(INSERT, [eventId, row.account_id, row.id, "webhook", url, JSON.stringify(signer), JSON.stringify(event)]);
  }
  if (settings.SMTP_URL && row.starter_email) {
    await query(INSERT, [`eml_${newId()}`, row.account_id, row.id, "email", row.starter_email, null, JSON.stringify({ event, ...importEmail(event) })]);
  }
}

function webhookOwner(row: Row): WebhookOwner | null {
  if (row.source_url && row.source_nonce) return { type: "source", id: row.source_id!, nonce: row.source_nonce };
  if (row.account_url && row.account_nonce) return { type: "account", id: row.account_id, nonce: row.account_nonce };
  return null;
}

function ended(row: Row): EndedImport {
  return {
    id: row.id, status: row.status, fileName: row.file_name, flowId: row.flow_id, sourceId: row.source_id,
    rows: row.rows, processedRows: row.processed_rows, successCount: row.success_count, failureCount: row.failure_count,
    errorCount: row.error_count, skippedRows: row.skipped_rows, invalidRows: row.invalid_rows, unreadableRows: row.unreadable_rows,
    error: row.error, completedAt: row.completed_at ? new Date(row.completed_at) : null,
  };
}

/** A drizzle transaction as a QueryFn: `$n` placeholders become bound parameters. */
export function drizzleQuery(tx: { execute(query: SQL): Promise<unknown> }): QueryFn {
  return async (text, params = []) => {
    const pieces = text.split(/\$(\d+)/);
    const chunks: SQL[] = [sql.raw(pieces[0]!)];
    for (let i = 1; i < pieces.length; i += 2) chunks.push(sql`${params[Number(pieces[i]) - 1]}`, sql.raw(pieces[i + 1]!));
    const result = (await tx.execute(sql.join(chunks))) as { rows: unknown[] };
    return { rows: result.rows };
  };
}
