// People tests: an Actor read from the database, and a session row to watch end.
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, sessions } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto";
import type { Actor } from "@/lib/people/actor";
import { addPerson, createAccount } from "./accounts";

export const PASSWORD = "correct horse battery";

export async function actorFor(personId: string): Promise<Actor> {
  const [row] = await getDb()
    .select({ id: accountHolders.id, email: accountHolders.email, role: accountHolders.role, accountId: accountHolders.accountId })
    .from(accountHolders)
    .where(eq(accountHolders.id, personId));
  if (!row) throw new Error(`no person ${personId}`);
  return row;
}

/** A live session for the person; returns its token hash (what getSessionHolder looks up). */
export async function openSession(personId: string, userAgent = "test-browser"): Promise<string> {
  const tokenHash = sha256(randomToken());
  await getDb().insert(sessions).values({ tokenHash, accountHolderId: personId, expiresAt: new Date(Date.now() + 3_600_000), userAgent, clientAddress: "192.0.2.1" });
  return tokenHash;
}

/** An account with an owner, an admin, an editor and a viewer, as Actors. */
export async function teamAccount(tag: string) {
  const owner = await createAccount({ email: `owner@${tag}.test`, password: PASSWORD });
  const add = (role: "owner" | "admin" | "editor" | "viewer", name: string = role) =>
    addPerson({ accountId: owner.accountId, email: `${name}@${tag}.test`, password: PASSWORD, role }).then((p) => actorFor(p.id));
  return {
    accountId: owner.accountId,
    owner: await actorFor(owner.holderId),
    admin: await add("admin"),
    editor: await add("editor"),
    viewer: await add("viewer"),
    add,
  };
}
