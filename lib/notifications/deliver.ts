// Sends one outbox notice (the queue job's work). At least once: a notice is marked delivered only
// after the receiver said 2xx, so a worker that dies in between sends it again, with the same event
// id, for the receiver to drop. Failures wait RETRY_DELAYS_MS, growing, about a day in all, then stop.
import type { Database } from "@/db/client";
import { runStatement } from "@/db/transaction";
import { envSchema, parseEnv } from "@/lib/env-schema";
import { appSecret } from "@/lib/secret";
import type { ImportEvent } from "./event";
import { smtpMail, type SendMail } from "./mail";
import { webhookPost, type Post } from "./post";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader, webhookSecret, type WebhookOwner } from "./signature";

/** Waits after the 1st, 2nd, ... failed attempt: 1 min, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h (23 h 36 min in all). */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 300, 480, 480].map((minutes) => minutes * 60_000);
/** An attempt in progress keeps the notice from being handed out again; a dead worker's is retried after this. */
const LEASE_MS = 2 * 60_000;

export type DeliverNoticeOptions = {
  /** The clock (tests move it past a retry's wait). */
  now?: Date;
  post?: Post;
  sendMail?: SendMail;
  secret?: string;
  /** Tests: runs after the receiver answered, before that is recorded (a crash there sends again). */
  afterSend?: () => Promise<void>;
};

export type DeliverResult = "delivered" | "retry" | "gave_up" | "not_due";

type Notice = { id: string; channel: "webhook" | "email"; target: string; signer: WebhookOwner | null; payload: unknown; attempts: number };

export async function deliverNotice(database: Database, noticeId: string, options: DeliverNoticeOptions = {}): Promise<DeliverResult> {
  const now = options.now ?? new Date();
  // Taking the notice moves its next attempt past the lease, atomically: one sender at a time.
  const { rows } = await runStatement<Notice>(
    database,
    `update import_notifications set attempts = attempts + 1, next_attempt_at = $3, claimed_until = null
     where id = $1 and delivered_at is null and gave_up_at is null and next_attempt_at <= $2
     returning id, channel, target, signer, payload, attempts`,
    [noticeId, now, new Date(now.getTime() + LEASE_MS)],
  );
  const notice = rows[0];
  if (!notice) return "not_due";
  const outcome = notice.channel === "webhook" ? await sendWebhook(notice, now, options) : await sendEmail(notice, options);
  await options.afterSend?.();
  if (outcome.ok) {
    await runStatement(database, "update import_notifications set delivered_at = $2, last_error = null where id = $1", [notice.id, new Date()]);
    return "delivered";
  }
  const wait = RETRY_DELAYS_MS[notice.attempts - 1];
  if (wait === undefined || outcome.final) {
    await runStatement(database, "update import_notifications set gave_up_at = $2, last_error = $3 where id = $1", [notice.id, new Date(), outcome.reason]);
    return "gave_up";
  }
  await runStatement(database, "update import_notifications set next_attempt_at = $2, last_error = $3 where id = $1", [notice.id, new Date(now.getTime() + wait), outcome.reason]);
  return "retry";
}

type Outcome = { ok: true } | { ok: false; reason: string; final?: boolean };

async function sendWebhook(notice: Notice, now: Date, options: DeliverNoticeOptions): Promise<Outcome> {
  const body = JSON.stringify(notice.payload);
  const secret = webhookSecret(options.secret ?? appSecret(parseEnv()), notice.signer!);
  const event = notice.payload as ImportEvent;
  const headers = {
    "content-type": "application/json",
    "user-agent": "Leadport-Webhooks/1",
    [EVENT_ID_HEADER]: event.event_id,
    [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(now.getTime() / 1000)),
  };
  const post = options.post ?? webhookPost(envSchema.pick({ RECIPIENT_ALLOW_PRIVATE: true }).parse(process.env).RECIPIENT_ALLOW_PRIVATE === true);
  return post(notice.target, body, headers);
}

async function sendEmail(notice: Notice, options: DeliverNoticeOptions): Promise<Outcome> {
  const { subject, text } = notice.payload as { subject: string; text: string };
  const result = await (options.sendMail ?? smtpMail)({ to: notice.target, subject, text });
  if (result === "sent") return { ok: true };
  if (result === "not_configured") return { ok: false, reason: "SMTP_URL is no longer set", final: true };
  return { ok: false, reason: "The mail server did not take the message" };
}
