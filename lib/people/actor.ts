// Who is acting, and the shapes every people and settings function answers with. The actor comes
// from the request's session; each function checks its role (and re-reads it where a race matters).
import type { HolderRole } from "@/db/schema";

export type Actor = { id: string; email: string; role: HolderRole; accountId: string };

/** The actor's role lacks the permission: actions answer with FORBIDDEN_MESSAGE. */
export type Forbidden = { status: "forbidden" };
/** Unknown, or in another account: the two look the same on purpose. */
export type NotFound = { status: "not_found" };
/** A business rule refused it; the message is safe to show. */
export type Refused = { status: "refused"; message: string };
export type Invalid<F extends string = string> = { status: "invalid"; fieldErrors: Partial<Record<F, string>> };

export const FORBIDDEN: Forbidden = { status: "forbidden" };
export const NOT_FOUND: NotFound = { status: "not_found" };

/** The Actor for a signed-in holder as lib/auth/session.ts returns it. */
export function actorOf(holder: { holderId: string; email: string; role: HolderRole; accountId: string }): Actor {
  return { id: holder.holderId, email: holder.email, role: holder.role, accountId: holder.accountId };
}
