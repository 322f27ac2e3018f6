// The database side of processLeads, inside one transaction (or, for a lone lead saved with its
// claim, one statement): dedupe claims and cap units are taken with INSERT ... ON CONFLICT (atomic
// under any concurrency), leads saved with their step results in the row (leads.events). Because
// claims and leads commit together, a crash never leaves a claim without its lead.
import { copyJson } from "@/db/bulk-copy";
import { arrayLiteral } from "@/lib/leads/search-keys";
import type { SqlTransaction } from "@/db/transaction";
import type { CheckReads } from "./check-store";
import type { CapReservation, DedupeClaim, FlowStore, ProcessedLead } from "./flow-store";
import { storedEvents } from "./lead-events";

const LEAD_COLUMNS = [
  "id", "account_id", "flow_id", "source_id", "import_id", "import_line", "submitted_at", "raw", "normalized",
  "outcome", "reason", "price", "is_batch_lead", "is_test", "email", "phone", "name", "reference", "search_keys",
  "events",
];

// Up to this many leads are saved with one INSERT statement (one round trip, the real-time path);
// bigger batches stream through COPY, which costs two round trips but scales. Hot statements
// are named so PostgreSQL parses and plans them once per connection.
const INSERT_MAX_LEADS = 50;

const saveSql = `insert into leads (${LEAD_COLUMNS.join(", ")})
  select ${LEAD_COLUMNS.join(", ")} from json_populate_recordset(null::leads, $1::json)`;

// Claims are sent sorted by key so concurrent batches lock keys in the same order (no deadlock).
const claimSql = `insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
  on conflict (flow_id, step_id, key_hash) do update
    set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at
    where $6::timestamptz is not null and dedupe_keys.claimed_at < $6::timestamptz
  returning key_hash`;

// A flow with a recipient step claims with this statement instead (createLeadStore's `holds`): a key
// its lead holds already (held_by, committed before the lead was delivered: steps/holds.ts) is
// granted and becomes a plain claim again; a key another lead holds is refused, as any claim is.
// $7 holds each claim's holder.
const claimHeldSql = `with c as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $7::text[])
      as c(flow_id, step_id, key_hash, lead_id, claimed_at, holder)
  )
  insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
  select flow_id, step_id, key_hash, lead_id, claimed_at from c
  on conflict (flow_id, step_id, key_hash) do update
    set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at, held_by = null, held_until = null
    where ($6::timestamptz is not null and dedupe_keys.claimed_at < $6::timestamptz)
      or dedupe_keys.held_by = (select c.holder from c
        where c.flow_id = excluded.flow_id and c.step_id = excluded.step_id and c.key_hash = excluded.key_hash)
  returning key_hash`;

const reserveCapSql = `insert into cap_counters (cap_key, period_start, count) values ($1, $2, 1)
  on conflict (cap_key, period_start) do update set count = cap_counters.count + 1
    where cap_counters.count < $3
  returning count`;

// With `holds`: a unit the lead holds already (cap_holds, counted when it was held) is taken over
// instead of counted again.
const reserveHeldCapSql = `with mine as (
    delete from cap_holds where cap_key = $1 and period_start = $2 and holder = $4 returning 1
  ),
  taken as (
    insert into cap_counters (cap_key, period_start, count) select $1::text, $2::timestamptz, 1 where not exists (select from mine)
    on conflict (cap_key, period_start) do update set count = cap_counters.count + 1
      where cap_counters.count < $3
    returning 1
  )
  select exists (select from mine) or exists (select from taken) as taken`;

// Leads whose outcome hangs only on a dedupe claim, saved by one statement: each lead's claim, then
// whichever version of the lead it allows (entries of $7 hold [granted, refused]). One statement is
// atomic on its own, so the claims and the leads commit together without BEGIN and COMMIT, and
// concurrent claims of one key still queue on its row. Each claim's window is checked against its
// own time (claimed_at - window, $6 in seconds), so one statement takes claims of one window length.
// An entry's mode: 0 no claim (saved as it is), 1 its own claim decides, 2 an earlier entry holds
// its key (saved as the duplicate: one statement cannot claim one key twice).
const saveClaimingSql = `with claimed as (
    insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at)
    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
    on conflict (flow_id, step_id, key_hash) do update
      set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at
      where $6::float8 is not null and dedupe_keys.claimed_at < excluded.claimed_at - make_interval(secs => $6::float8)
    returning lead_id
  ),
  entries as (
    select e.ord, e.value as entry,
      case (e.value ->> 'mode')::int
        when 0 then 0
        when 1 then case when exists (select from claimed c where c.lead_id = e.value ->> 'claimant') then 0 else 1 end
        else 1
      end as version
    from json_array_elements($7::json) with ordinality as e(value, ord)
  ),
  saved as (insert into leads (${LEAD_COLUMNS.join(", ")})
    select ${LEAD_COLUMNS.join(", ")} from entries, json_populate_record(null::leads, entries.entry -> 'leads' -> entries.version))
  select version = 0 as granted from entries order by ord`;

/** One lead to save: as `granted` if its claim (if any) is taken, else as `refused`. */
export type ClaimingSave = { claim: DedupeClaim | null; granted: ProcessedLead; refused: ProcessedLead };

/**
 * Saves the leads with their claims in one statement (see saveClaimingSql); true for each lead saved
 * as granted. Claims must share one window length (windowOf); they are sent sorted by key, so two
 * statements lock keys in the same order. Of two leads with one key, the first claims it.
 */
export async function saveLeadsClaiming(query: SqlTransaction["query"], saves: ClaimingSave[]): Promise<boolean[]> {
  const holders = new Set<string>();
  const claims: DedupeClaim[] = [];
  const entries = saves.map(({ claim, granted, refused }) => {
    let mode = 0;
    if (claim !== null) {
      const key = `${claim.flowId}\u0000${claim.stepId}\u0000${claim.keyHash}`;
      mode = holders.has(key) ? 2 : 1;
      if (mode === 1) {
        holders.add(key);
        claims.push(claim);
      }
    }
    return { mode, claimant: claim?.leadId ?? null, leads: [leadObject(granted), leadObject(refused)] };
  });
  claims.sort((a, b) => compare(a.flowId, b.flowId) || compare(a.stepId, b.stepId) || compare(a.keyHash, b.keyHash));
  const { rows } = await query<{ granted: boolean }>(
    saveClaimingSql,
    [...claimArrays(claims), windowOf(claims[0] ?? null), JSON.stringify(entries)],
    { name: "lead-store-save-claiming" },
  );
  return rows.map((r) => r.granted);
}

/** A claim's window in seconds, or null for all history (a held key is never taken over). */
export function windowOf(claim: DedupeClaim | null): number | null {
  if (claim === null || claim.windowStart === null) return null;
  return (claim.claimedAt.getTime() - claim.windowStart.getTime()) / 1000;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The claims as the five arrays both claim statements unnest ($1-$5).
function claimArrays(claims: DedupeClaim[]) {
  return [
    claims.map((c) => c.flowId),
    claims.map((c) => c.stepId),
    claims.map((c) => c.keyHash),
    claims.map((c) => c.leadId),
    claims.map((c) => c.claimedAt.toISOString()),
  ];
}

/**
 * `holds`: the flow (or one of the import batch's flows) has a recipient step, so its leads may hold
 * claims and cap units already (steps/holds.ts), which their save takes over. Without it the
 * statements are the plain ones: no flow without a recipient step pays for holds.
 */
export function createLeadStore(tx: SqlTransaction, options: { holds?: boolean } = {}): FlowStore {
  const holds = options.holds ?? false;
  return {
    async claimDedupeKeys(claims: DedupeClaim[]) {
      const sorted = [...claims].sort((a, b) => compare(a.keyHash, b.keyHash));
      const windowStart = sorted[0]?.windowStart?.toISOString() ?? null;
      const { rows } = holds
        ? await tx.query<{ key_hash: string }>(claimHeldSql, [...claimArrays(sorted), windowStart, sorted.map((c) => c.holder ?? null)], {
            name: "lead-store-claim-held",
          })
        : await tx.query<{ key_hash: string }>(claimSql, [...claimArrays(sorted), windowStart], { name: "lead-store-claim" });
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
    async reserveCap({ capKey, periodStart, limit, holder }: CapReservation) {
      if (limit <= 0) return false;
      if (holds) {
        const { rows } = await tx.query<{ taken: boolean }>(reserveHeldCapSql, [capKey, periodStart.toISOString(), limit, holder ?? null], {
          name: "lead-store-reserve-held-cap",
        });
        return rows[0]?.taken === true;
      }
      const { rows } = await tx.query(reserveCapSql, [capKey, periodStart.toISOString(), limit], { name: "lead-store-reserve-cap" });
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
        await tx.query(saveSql, [JSON.stringify(leads.map(leadObject))], { name: "lead-store-save" });
        return;
      }
      await tx.copy({ table: "leads", columns: LEAD_COLUMNS }, leads.map(leadRow));
    },
    async saveLeadClaiming(claim: DedupeClaim, granted: ProcessedLead, refused: ProcessedLead) {
      const [saved] = await saveLeadsClaiming(tx.query, [{ claim, granted, refused }]);
      return saved!;
    },
  };
}

// The reads of a check-only store (check-store.ts): a key is held unless its holder is outside the
// claim's window, exactly when claimSql would refuse it; a cap's count for its period.
export function createCheckReads(query: SqlTransaction["query"]): CheckReads {
  return {
    async heldDedupeKeys(claims) {
      if (claims.length === 0) return [];
      const { rows } = await query<{ key_hash: string }>(
        `select d.key_hash from dedupe_keys d
         join unnest($1::text[], $2::text[], $3::text[]) as c(flow_id, step_id, key_hash)
           on d.flow_id = c.flow_id and d.step_id = c.step_id and d.key_hash = c.key_hash
         where $4::timestamptz is null or d.claimed_at >= $4::timestamptz`,
        [claims.map((c) => c.flowId), claims.map((c) => c.stepId), claims.map((c) => c.keyHash), claims[0]!.windowStart?.toISOString() ?? null],
      );
      const held = new Set(rows.map((r) => r.key_hash));
      return claims.map((c) => held.has(c.keyHash));
    },
    async capCount({ capKey, periodStart }) {
      const { rows } = await query<{ count: number }>("select count from cap_counters where cap_key = $1 and period_start = $2", [
        capKey,
        periodStart.toISOString(),
      ]);
      return Number(rows[0]?.count ?? 0);
    },
  };
}

function leadRow(l: ProcessedLead) {
  return [
    l.id, l.accountId, l.flowId, l.sourceId, l.importId, l.importLine, l.submittedAt.toISOString(),
    copyJson(l.raw), copyJson(l.normalized), l.outcome, l.reason, l.price, l.isBatchLead, l.isTest,
    l.email, l.phone, l.name, l.reference, arrayLiteral(l.searchKeys ?? []),
    copyJson(storedEvents(l.events)),
  ];
}

// json_populate_recordset reads nested objects straight into the jsonb columns.
function leadObject(l: ProcessedLead) {
  return {
    id: l.id, account_id: l.accountId, flow_id: l.flowId, source_id: l.sourceId, import_id: l.importId,
    import_line: l.importLine, submitted_at: l.submittedAt.toISOString(), raw: l.raw, normalized: l.normalized,
    outcome: l.outcome, reason: l.reason, price: l.price, is_batch_lead: l.isBatchLead, is_test: l.isTest,
    email: l.email, phone: l.phone, name: l.name, reference: l.reference, search_keys: l.searchKeys ?? [],
    events: storedEvents(l.events),
  };
}
