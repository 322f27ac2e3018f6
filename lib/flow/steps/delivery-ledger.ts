// The delivery_attempts table: each delivery is recorded before its request is sent, and its answer
// as soon as it comes, each by its own statement (never inside the transaction that saves the lead),
// so a crash between the delivery and the lead's commit leaves the answer for the retry to reuse.
import type { SqlTransaction } from "@/db/transaction";
import type { DeliveryRef, DeliveryResult } from "../flow-store";
import { outcomeSchema } from "../model";

export type Query = SqlTransaction["query"];

// One round trip: the insert skips attempts already recorded; the select (which reads the table as
// it was before the insert) returns those that already have an answer.
const recordSql = `with recorded as (
    insert into delivery_attempts (idempotency_key, lead_id, step_id, import_id, import_line)
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
    on conflict (idempotency_key) do nothing
  )
  select idempotency_key, outcome, reason, response_status from delivery_attempts
  where idempotency_key = any($1::text[]) and status = 'answered'`;

const answerSql = `update delivery_attempts
  set status = 'answered', outcome = $2, reason = $3, response_status = $4, response_body = $5, answered_at = now()
  where idempotency_key = $1`;

type AnsweredRow = { idempotency_key: string; outcome: string; reason: string | null; response_status: number | null };

/** Records the attempts not recorded yet; the answers already received for any of them, by key. */
export async function recordAttempts(query: Query, refs: DeliveryRef[]): Promise<Map<string, DeliveryResult>> {
  const { rows } = await query<AnsweredRow>(
    recordSql,
    [refs.map((r) => r.key), refs.map((r) => r.leadId), refs.map((r) => r.stepId), refs.map((r) => r.importId), refs.map((r) => r.importLine)],
    { name: "delivery-attempts-record" },
  );
  return new Map(rows.map((r) => [r.idempotency_key, { outcome: outcomeSchema.parse(r.outcome), reason: r.reason, responseStatus: r.response_status }]));
}

// PostgreSQL text cannot hold a NUL; a buyer's reply may.
const storable = (text: string | null | undefined) => (text == null ? null : text.replace(/\u0000/g, ""));

export async function recordAnswer(query: Query, key: string, result: DeliveryResult): Promise<void> {
  await query(answerSql, [key, result.outcome, storable(result.reason), result.responseStatus ?? null, storable(result.responseBody)], {
    name: "delivery-attempts-answer",
  });
}
