// Group commit for the real-time API's one-statement saves. Each lone lead of a flow whose only
// dedupe step is its last (see savesLeadInOneStatement) is saved by one statement: its claim, then
// the lead as it is or as a duplicate. Under load, one statement (one commit, one fsync, one run of
// the report rollup trigger) per lead is most of what PostgreSQL spends on the lead. So leads that are
// ready to save in the same turn of the event loop, or while earlier groups are still in flight, go in
// one statement together: still atomic (every claim and lead of the group commits or none does), and
// each lead still gets exactly the outcome it would have had alone:
// - claims are sent sorted by key, so two groups lock keys in the same order (no deadlock);
// - two leads of one group with the same key: the first claims it, the later one is its duplicate,
//   as if it had arrived a moment later (one statement cannot claim one key twice);
// - a claim's window is checked against its own time (`excluded.claimed_at - window`), so a group
//   holds claims of one window length; other lengths go in another group.
// If a group's statement fails, each of its leads is tried again alone, so one bad lead cannot fail
// the others. At low load a group is one lead, sent on the next turn of the event loop.
import { LEAD_COLUMNS, EVENT_COLUMNS, eventObjects, leadObject } from "./lead-store";
import type { DedupeClaim, FlowStore, ProcessedLead } from "./flow-store";

export type StatementRunner = (text: string, params: unknown[], name: string) => Promise<Array<Record<string, unknown>>>;

type Save = { claim: DedupeClaim | null; granted: ProcessedLead; refused: ProcessedLead };
type Pending = Save & { resolve(granted: boolean): void; reject(error: unknown): void };

/** Leads in one statement at most. */
const MAX_GROUP = 100;
/** Group statements in flight at once; saves arriving meanwhile wait and form the next group. */
const MAX_IN_FLIGHT = 4;

// How each lead of a group is saved: 0 no claim (saved as it is), 1 its own claim decides,
// 2 an earlier lead of the group holds its key (saved as the duplicate).
const enum Mode {
  Plain = 0,
  Claims = 1,
  Duplicate = 2,
}

const groupSql = `with claimed as (
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
        when ${Mode.Plain} then 0
        when ${Mode.Claims} then case when exists (select from claimed c where c.lead_id = e.value ->> 'id') then 0 else 1 end
        else 1
      end as version
    from json_array_elements($7::json) with ordinality as e(value, ord)
  ),
  saved as (insert into leads (${LEAD_COLUMNS.join(", ")})
    select ${LEAD_COLUMNS.join(", ")} from entries, json_populate_record(null::leads, entries.entry -> 'leads' -> entries.version)),
  logged as (insert into lead_events (${EVENT_COLUMNS.join(", ")})
    select ${EVENT_COLUMNS.join(", ")} from entries, json_populate_recordset(null::lead_events, entries.entry -> 'events' -> entries.version))
  select ord::int as ord, version = 0 as granted from entries order by ord`;

export type GroupSaver = { save(save: Save): Promise<boolean> };

export function createGroupSaver(run: StatementRunner): GroupSaver {
  let pending: Pending[] = [];
  let scheduled = false;
  let inFlight = 0;

  function schedule() {
    if (scheduled || pending.length === 0 || inFlight >= MAX_IN_FLIGHT) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    while (pending.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const group = takeGroup();
      inFlight += 1;
      void send(group).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  }

  // The oldest waiting save's window decides the group; saves without a claim fit any group.
  function takeGroup(): Pending[] {
    const window = windowOf(pending.find((p) => p.claim !== null)?.claim ?? null);
    const group: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of pending) {
      const fits = group.length < MAX_GROUP && (p.claim === null || windowOf(p.claim) === window);
      (fits ? group : rest).push(p);
    }
    pending = rest;
    return group;
  }

  async function send(group: Pending[]) {
    try {
      const granted = await saveGroup(run, group);
      group.forEach((p, i) => p.resolve(granted[i]!));
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else await Promise.all(group.map((p) => send([p])));
    }
  }

  return {
    save(save) {
      return new Promise<boolean>((resolve, reject) => {
        pending.push({ ...save, resolve, reject });
        schedule();
      });
    },
  };
}

/** The window in seconds, or null for all history (a held key is never taken over). */
function windowOf(claim: DedupeClaim | null): number | null {
  if (claim === null || claim.windowStart === null) return null;
  return (claim.claimedAt.getTime() - claim.windowStart.getTime()) / 1000;
}

async function saveGroup(run: StatementRunner, group: Save[]): Promise<boolean[]> {
  const holders = new Set<string>();
  const claims: DedupeClaim[] = [];
  const entries = group.map(({ claim, granted, refused }) => {
    let mode = Mode.Plain;
    if (claim !== null) {
      const key = `${claim.flowId}\u0000${claim.stepId}\u0000${claim.keyHash}`;
      mode = holders.has(key) ? Mode.Duplicate : Mode.Claims;
      if (mode === Mode.Claims) {
        holders.add(key);
        claims.push(claim);
      }
    }
    return { mode, id: granted.id, leads: [leadObject(granted), leadObject(refused)], events: [eventObjects(granted), eventObjects(refused)] };
  });
  claims.sort((a, b) => compare(a.flowId, b.flowId) || compare(a.stepId, b.stepId) || compare(a.keyHash, b.keyHash));
  const window = windowOf(claims[0] ?? null);
  const rows = await run(
    groupSql,
    [
      claims.map((c) => c.flowId),
      claims.map((c) => c.stepId),
      claims.map((c) => c.keyHash),
      claims.map((c) => c.leadId),
      claims.map((c) => c.claimedAt.toISOString()),
      window,
      JSON.stringify(entries),
    ],
    "lead-store-group-save",
  );
  return rows.map((r) => r.granted === true);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The store for processLeads on the one-statement path, saving through a group saver: it takes the
 * save of one lead, with or without its claim, and nothing else (anything more would need a
 * transaction, which is processLeadNow's other path).
 */
export function createGroupCommitStore(saver: GroupSaver): FlowStore {
  const refuse = () => Promise.reject(new Error("group commit saves one lone lead; this flow needs a transaction"));
  return {
    claimDedupeKeys: refuse,
    releaseDedupeKeys: refuse,
    reserveCap: refuse,
    releaseCap: refuse,
    async saveLeads(leads) {
      if (leads.length === 0) return;
      if (leads.length > 1) return refuse();
      await saver.save({ claim: null, granted: leads[0]!, refused: leads[0]! });
    },
    saveLeadClaiming(claim, granted, refused) {
      return saver.save({ claim, granted, refused });
    },
  };
}
