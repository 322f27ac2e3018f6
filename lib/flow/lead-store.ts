// The database side of processLeads, inside one transaction (or, for a lone lead saved with its
// claim, one statement): dedupe claims and cap units are taken with INSERT ... ON CONFLICT (atomic
// under any concurrency), leads and their events saved together. Because claims and leads commit
// together, a crash never leaves a claim without its lead.
import { copyJson } from "@/db/bulk-copy";
import type { SqlTransaction } from "@/db/transaction";
import type { CapReservation, DedupeClaim, FlowStore, ProcessedLead } from "./flow-store";

export const LEAD_COLUMNS = [
  "id", "account_id", "flow_id", "source_id", "import_id", "import_line", "submitted_at", "raw", "normalized",
  "outcome", "reason", "price", "is_batch_lead", "is_test", "email", "phone", "name", "reference",
];
export const EVENT_COLUMNS = ["lead_id", "position", "step", "outcome", "reason", "duration_ms", "created_at"];

// Up to this many leads are saved with one INSERT statement (one round trip, the real-time path);
// bigger batches stream through COPY, which costs two round trips per table but scales. Hot statements
// are named so PostgreSQL parses and plans them once per connection.
const INSERT_MAX_LEADS = 50;

const leadsInsert = `insert into leads (${LEAD_COLUMNS.join(", ")})
  select ${LEAD_COLUMNS.join(", ")} from json_populate_recordset(null::leads, $1::json)`;
const eventsInsert = `insert into lead_events (${EVENT_COLUMNS.join(", ")})
  select ${EVENT_COLUMNS.join(", ")} from json_populate_recordset(null::lead_events, $2::json)`;
const saveSql = `with saved as (${leadsInsert}) ${eventsInsert}`;

// Claims are sent sorted by key so concurrent batches lock keys in the same order (no deadlock).
const claimSql = `insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
  on conflict (flow_id, step_id, key_hash) do update
    set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at
    where $6::timestamptz is not null and dedupe_keys.claimed_at < $6::timestamptz
  returning key_hash`;

// The real-time path's one statement: the claim, then whichever version of the lead it allows
// ($7 and $8 hold [granted, refused]). One statement is atomic on its own, so the claim and the lead
// commit together without BEGIN and COMMIT; concurrent claims of one key still queue on its row.
const claimAndSaveSql = `with claimed as (${claimSql}),
  chosen as (select case when exists (select from claimed) then 0 else 1 end as version),
  saved as (insert into leads (${LEAD_COLUMNS.join(", ")})
    select ${LEAD_COLUMNS.join(", ")} from chosen, json_populate_record(null::leads, $7::json -> chosen.version)),
  logged as (insert into lead_events (${EVENT_COLUMNS.join(", ")})
    select ${EVENT_COLUMNS.join(", ")} from chosen, json_populate_recordset(null::lead_events, $8::json -> chosen.version))
  select version = 0 as granted from chosen`;

// claimSql's parameters for claims that share one step.
function claimParams(claims: DedupeClaim[]) {
  const since = claims[0]?.windowStart ?? null;
  return [
    claims.map((c) => c.flowId),
    claims.map((c) => c.stepId),
    claims.map((c) => c.keyHash),
    claims.map((c) => c.leadId),
    claims.map((c) => c.claimedAt.toISOString()),
    since?.toISOString() ?? null,
  ];
}

export function createLeadStore(tx: SqlTransaction): FlowStore {
  return {
    async claimDedupeKeys(claims: DedupeClaim[]) {
      const sorted = [...claims].sort((a, b) => (a.keyHash < b.keyHash ? -1 : a.keyHash > b.keyHash ? 1 : 0));
      const { rows } = await tx.query<{ key_hash: string }>(claimSql, claimParams(sorted), { name: "lead-store-claim" });
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
        { name: "lead-store-reserve-cap" },
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
      if (leads.length === 0) return;
      if (leads.length <= INSERT_MAX_LEADS) {
        const params = [JSON.stringify(leads.map(leadObject)), JSON.stringify(leads.flatMap(eventObjects))];
        await tx.query(saveSql, params, { name: "lead-store-save" });
        return;
      }
      await tx.copy({ table: "leads", columns: LEAD_COLUMNS }, leads.map(leadRow));
      await tx.copy({ table: "lead_events", columns: EVENT_COLUMNS }, leads.flatMap(eventRows));
    },
    async saveLeadClaiming(claim: DedupeClaim, granted: ProcessedLead, refused: ProcessedLead) {
      const versions = [granted, refused];
      const { rows } = await tx.query<{ granted: boolean }>(
        claimAndSaveSql,
        [...claimParams([claim]), JSON.stringify(versions.map(leadObject)), JSON.stringify(versions.map(eventObjects))],
        { name: "lead-store-claim-save" },
      );
      return rows[0]!.granted;
    },
  };
}

function leadRow(l: ProcessedLead) {
  return [
    l.id, l.accountId, l.flowId, l.sourceId, l.importId, l.importLine, l.submittedAt.toISOString(),
    copyJson(l.raw), copyJson(l.normalized), l.outcome, l.reason, l.price, l.isBatchLead, l.isTest,
    l.email, l.phone, l.name, l.reference,
  ];
}

// json_populate_recordset reads nested objects straight into the jsonb columns.
export function leadObject(l: ProcessedLead) {
  return {
    id: l.id, account_id: l.accountId, flow_id: l.flowId, source_id: l.sourceId, import_id: l.importId,
    import_line: l.importLine, submitted_at: l.submittedAt.toISOString(), raw: l.raw, normalized: l.normalized,
    outcome: l.outcome, reason: l.reason, price: l.price, is_batch_lead: l.isBatchLead, is_test: l.isTest,
    email: l.email, phone: l.phone, name: l.name, reference: l.reference,
  };
}

function eventRows(l: ProcessedLead) {
  const at = l.submittedAt.toISOString();
  return l.events.map((e) => [l.id, e.position, e.step, e.outcome, e.reason, e.durationMs, at]);
}

export function eventObjects(l: ProcessedLead) {
  const at = l.submittedAt.toISOString();
  return l.events.map((e) => ({
    lead_id: l.id, position: e.position, step: e.step, outcome: e.outcome, reason: e.reason, duration_ms: e.durationMs, created_at: at,
  }));
}
