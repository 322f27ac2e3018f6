import "server-only";
import { getDb } from "@/db";
import type { HolderRole } from "@/db/schema";
import type { Actor } from "./actor";
import { getPersonInAccount, lockOwners, type Tx } from "./queries";

export type PeopleTx = { tx: Tx; owners: string[]; actorRole: HolderRole };

/**
 * Runs a change to people in one transaction that first locks the account's owners, then reads the
 * actor's role again: a session read a moment ago may belong to someone demoted or removed since.
 * The callback returns null when the actor no longer exists (the caller answers forbidden).
 */
export async function inPeopleTransaction<T>(actor: Actor, fn: (ctx: PeopleTx) => Promise<T>): Promise<T | null> {
  return getDb().transaction(async (tx) => {
    const owners = await lockOwners(tx, actor.accountId);
    const self = await getPersonInAccount(tx, actor.accountId, actor.id);
    if (!self) return null;
    return fn({ tx, owners, actorRole: self.role });
  });
}
