// Holds: a lead's dedupe claims and cap units, committed before it is delivered to a buyer.
// No transaction is held across a request to a buyer (deliveries.ts), so the run of a batch that
// finds a delivery to make is rolled back, and with it the claims and units its leads took. Were they
// taken only when the batch runs again, after its deliveries, two concurrent leads with one email (or
// one cap unit left) would both pass the checks and both be sent. So, before anything is sent, each
// lead to deliver takes its claims and units again in a short transaction of its own and commits them
// as held by it (dedupe_keys.held_by, cap_holds): a concurrent lead then meets them as it meets any
// saved claim, and fails as duplicate or cap reached without being sent. A lead that cannot take them
// back (another lead took them in between) is not sent; its batch runs again and it fails there.
//
// The lead's save takes its holds over (createLeadStore with `holds`): a claim held by its holder is
// granted and becomes a plain claim, a held unit is not counted twice. A lead saved as anything but a
// success gives them back as every lead does (processLeads' settle); holds its save did not reach are
// released by the transaction that saves it. The holder is the lead's id, or `<import>-<line>` for an
// import's row, so a batch retried after a crash takes over the holds of its rows too. Holds of an
// attempt that never came back (a crash) go stale after HOLD_MINUTES and are released by the next
// batch with a delivery (releaseStaleHolds) or the maintenance job.
import type { Database } from "@/db/client";
import { withTransaction, type SqlTransaction } from "@/db/transaction";
import type { CapReservation, DedupeClaim, DeliveryRef } from "../flow-store";

type Query = SqlTransaction["query"];

/** Longer than a batch's deliveries take (each host bounded, each request at most 60 s). */
export const HOLD_MINUTES = 30;
const HELD_UNTIL = `now() + interval '${HOLD_MINUTES} minutes'`;

// Granted when the key is free, held by this holder already, or its claim is outside the window ($7).
const holdClaimSql = `insert into dedupe_keys (flow_id, step_id, key_hash, lead_id, claimed_at, held_by, held_until)
  values ($1, $2, $3, $4, $5, $6, ${HELD_UNTIL})
  on conflict (flow_id, step_id, key_hash) do update
    set lead_id = excluded.lead_id, claimed_at = excluded.claimed_at, held_by = excluded.held_by, held_until = excluded.held_until
    where dedupe_keys.held_by = excluded.held_by or ($7::timestamptz is not null and dedupe_keys.claimed_at < $7::timestamptz)
  returning 1`;

// A unit this holder holds already is kept (and its hold renewed); else one is counted if the cap has room, and held.
const holdCapSql = `with mine as (
    update cap_holds set held_until = ${HELD_UNTIL} where cap_key = $1 and period_start = $2 and holder = $4 returning 1
  ),
  taken as (
    insert into cap_counters (cap_key, period_start, count) select $1::text, $2::timestamptz, 1 where not exists (select from mine)
    on conflict (cap_key, period_start) do update set count = cap_counters.count + 1 where cap_counters.count < $3
    returning 1
  ),
  held as (
    insert into cap_holds (cap_key, period_start, holder, held_until)
    select $1::text, $2::timestamptz, $4::text, ${HELD_UNTIL} where exists (select from taken)
  )
  select exists (select from mine) or exists (select from taken) as held`;

class HoldRefused extends Error {}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Commits the holds of the leads about to be delivered, one short transaction per lead, in the
 * batch's order (an import's line order); the requests that may be sent: those of leads with
 * nothing to hold or whose holds were all taken.
 */
export async function takeHolds<R extends { ref: DeliveryRef }>(database: Database, requests: R[]): Promise<R[]> {
  const refused = new Set<string>();
  const taken = new Set<string>();
  for (const { ref } of requests) {
    const holds = ref.holds;
    if (!holds || taken.has(holds.holder) || refused.has(holds.holder)) continue;
    if (holds.claims.length === 0 && holds.caps.length === 0) continue;
    try {
      await withTransaction(database, async (tx) => {
        // Cap units first, then claims, as the flow takes them; keys sorted so two holders lock them in one order.
        for (const cap of holds.caps) if (!(await holdCap(tx.query, cap, holds.holder))) throw new HoldRefused();
        const claims = [...holds.claims].sort((a, b) => compare(a.stepId, b.stepId) || compare(a.keyHash, b.keyHash));
        for (const claim of claims) if (!(await holdClaim(tx.query, claim, holds.holder))) throw new HoldRefused();
      });
      taken.add(holds.holder);
    } catch (error) {
      if (!(error instanceof HoldRefused)) throw error;
      refused.add(holds.holder);
    }
  }
  return requests.filter((r) => !r.ref.holds || !refused.has(r.ref.holds.holder));
}

async function holdClaim(query: Query, claim: DedupeClaim, holder: string): Promise<boolean> {
  const { rows } = await query(
    holdClaimSql,
    [claim.flowId, claim.stepId, claim.keyHash, claim.leadId, claim.claimedAt.toISOString(), holder, claim.windowStart?.toISOString() ?? null],
    { name: "holds-claim" },
  );
  return rows.length === 1;
}

async function holdCap(query: Query, cap: CapReservation, holder: string): Promise<boolean> {
  if (cap.limit <= 0) return false;
  const { rows } = await query<{ held: boolean }>(holdCapSql, [cap.capKey, cap.periodStart.toISOString(), cap.limit, holder], { name: "holds-cap" });
  return rows[0]?.held === true;
}

// Gives back the holds chosen by `which` ($1 its parameter): held claims are deleted, held units
// uncounted. One statement, so it runs inside a lead's save as well as on its own.
const releaseSql = (which: { claims: string; caps: string }) => `with claims as (
    delete from dedupe_keys where ${which.claims}
  ),
  caps as (
    delete from cap_holds where ${which.caps} returning cap_key, period_start
  ),
  units as (select cap_key, period_start, count(*)::int as n from caps group by cap_key, period_start)
  update cap_counters c set count = greatest(c.count - units.n, 0)
  from units where c.cap_key = units.cap_key and c.period_start = units.period_start`;

const releaseHeldBySql = releaseSql({ claims: "held_by = any($1::text[])", caps: "holder = any($1::text[])" });
/** One statement with no parameters, so the maintenance job (lib/maintenance/prune.ts) runs it too. */
export const releaseStaleSql = releaseSql({ claims: "held_until < now()", caps: "held_until < now()" });

/** Releases what these holders still hold: run in the transaction that saves their leads, after the save took over what it used. */
export async function releaseHolds(query: Query, holders: string[]): Promise<void> {
  if (holders.length === 0) return;
  await query(releaseHeldBySql, [holders], { name: "holds-release" });
}

/** Releases holds gone stale (an attempt that crashed after holding): before a batch with deliveries, and by the maintenance job. */
export async function releaseStaleHolds(query: Query): Promise<void> {
  await query(releaseStaleSql, [], { name: "holds-release-stale" });
}
