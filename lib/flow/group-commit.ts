// Group commit for the real-time API's one-statement saves. Each lone lead of a flow whose only
// dedupe step is its last (see savesLeadInOneStatement) is saved by one statement: its claim, then
// the lead as it is or as a duplicate. Under load, one statement (one commit, one fsync, one run of
// the report rollup trigger) per lead is most of what PostgreSQL spends on the lead. So leads that are
// ready to save in the same turn of the event loop, or while earlier groups are still in flight, go in
// one statement together (saveLeadsClaiming in lead-store.ts, which also saves a lone lead inside a
// transaction): still atomic (every claim and lead of the group commits or none does), and each
// lead still gets exactly the outcome it would have had alone:
// - claims are sent sorted by key, so two groups lock keys in the same order (no deadlock);
// - two leads of one group with the same key: the first claims it, the later one is its duplicate,
//   as if it had arrived a moment later (one statement cannot claim one key twice);
// - a claim's window is checked against its own time (`excluded.claimed_at - window`), so a group
//   holds claims of one window length; other lengths go in another group.
// If a group's statement fails, each of its leads is tried again alone, so one bad lead cannot fail
// the others. At low load a group is one lead, sent on the next turn of the event loop.
import type { SqlTransaction } from "@/db/transaction";
import type { FlowStore } from "./flow-store";
import { saveLeadsClaiming, windowOf, type ClaimingSave } from "./lead-store";

type Pending = ClaimingSave & { resolve(granted: boolean): void; reject(error: unknown): void };

/** Leads in one statement at most. */
const MAX_GROUP = 100;
/** Group statements in flight at once; saves arriving meanwhile wait and form the next group. */
const MAX_IN_FLIGHT = 4;

export type GroupSaver = { save(save: ClaimingSave): Promise<boolean> };

/** `query` runs one statement on its own (autocommit), on whichever connection is free. */
export function createGroupSaver(query: SqlTransaction["query"]): GroupSaver {
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

  // The oldest waiting claim's window decides the group; saves without a claim fit any group.
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
      const granted = await saveLeadsClaiming(query, group);
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
