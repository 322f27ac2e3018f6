// Hands due outbox notices to the queue. Claiming a notice for a while first means two workers
// pumping at once hand it over once; if its job is lost, the claim lapses and it is handed over again
// (deliverNotice drops a job for a notice already sent or not yet due).
import type { Database } from "@/db/client";
import { runStatement } from "@/db/transaction";

const CLAIM_MS = 5 * 60_000;
const BATCH = 100;

export async function claimDueNotices(database: Database, now = new Date()): Promise<string[]> {
  const { rows } = await runStatement<{ id: string }>(
    database,
    `update import_notifications set claimed_until = $2
     where id in (
       select id from import_notifications
       where delivered_at is null and gave_up_at is null and next_attempt_at <= $1 and (claimed_until is null or claimed_until < $1)
       order by next_attempt_at limit ${BATCH} for update skip locked)
     returning id`,
    [now, new Date(now.getTime() + CLAIM_MS)],
  );
  return rows.map((r) => r.id);
}
