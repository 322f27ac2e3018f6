// The database side of processLeads, inside one transaction: dedupe claims and cap units are taken
// with INSERT ... ON CONFLICT (atomic under any concurrency), leads and their events saved by COPY.
// Because claims and leads commit together, a crash never leaves a claim without its lead.
import type { SqlTransaction } from "@/db/transaction";
import type { CapReservation, DedupeClaim, FlowStore, ProcessedLead } from "./flow-store";

const LEAD_COLUMNS = [
  "id", "account_id", "flow_id", "source_id", "import_id", "import_line", "submitted_at", "raw", "normalized",
  "outcome", "reason", "price", "is_batch_lead", "is_test", "email", "phone", "name", "reference",
];
const EVENT_COLUMNS = ["lead_id", "position", "step", "outcome", "reason", "duration_ms", "created_at"];

export function createLeadStore(tx: SqlTransaction): FlowStore {
  return {
    async claimDedupeKeys(claims: DedupeClaim[]) {
      const since = claims[0]?.windowStart ?? null;
      const { rows } = await tx.query<{ key_hash: string }>(
        `insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
         on conflict (flow_id, step_id, key_hash) do update
           set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at
           where $6::timestamptz is not null and dedupe_keys.claimed_at < $6::timestamptz
         returning key_hash`,
        [
          claims.map((c) => c.flowId),
          claims.map((c) => c.stepId),
          claims.map((c) => c.keyHash),
          claims.map((c) => c.leadId),
          claims.map(() => new Date().toISOString()),
          since?.toISOString() ?? null,
        ],
      );
      const granted = new Set(rows.map((r) => r.key_hash));
      return claims.map((c) => granted.has(c.keyHash));
    },
    async releaseDedupeKeys(claims: DedupeClaim[]) {
      await tx.query(
        `delete from dedupe_keys d using unnest($1::text[], $2::text[], $3::text[], $4::text[]) as c(flow_id, step_id, key_hash, lead_id)
         where d.flow_id = c.flow_id and d.step_id = c.step_id and d.key_hash = c.key_hash and d.lead_id = c.lead_id`,
        [claims.map((c) => c.flowId), claims.map((c) => c.stepId), claims.map((c) => c.keyHash), claims.map((c) => c.leadId)],
      );
    },
    async reserveCap({ capKey, periodStart, limit }: CapReservation) {
      if (limit <= 0) return false;
      const { rows } = await tx.query(
        `insert into cap_counters (cap_key, period_start, count) values ($1, $2, 1)
         on conflict (cap_key, period_start) do update set count = cap_counters.count + 1
           where cap_counters.count < $3
         returning count`,
        [capKey, periodStart.toISOString(), limit],
      );
      return rows.length === 1;
    },
    async releaseCap({ capKey, periodStart }: CapReservation) {
      await tx.query(
        "update cap_counters set count = count - 1 where cap_key = $1 and period_start = $2 and count > 0",
        [capKey, periodStart.toISOString()],
      );
    },
    async saveLeads(leads: ProcessedLead[]) {
      await tx.copy({ table: "leads", columns: LEAD_COLUMNS }, leads.map(leadRow));
      await tx.copy({ table: "lead_events", columns: EVENT_COLUMNS }, leads.flatMap(eventRows));
    },
  };
}

function leadRow(l: ProcessedLead) {
  return [
    l.id, l.accountId, l.flowId, l.sourceId, l.importId, l.importLine, l.submittedAt.toISOString(),
    JSON.stringify(l.raw), JSON.stringify(l.normalized), l.outcome, l.reason, l.price, l.isBatchLead, l.isTest,
    l.email, l.phone, l.name, l.reference,
  ];
}

function eventRows(l: ProcessedLead) {
  const at = l.submittedAt.toISOString();
  return l.events.map((e) => [l.id, e.position, e.step, e.outcome, e.reason, e.durationMs, at]);
}
