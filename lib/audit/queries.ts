// The audit log of an account for /settings/audit: newest first, 50 a page, keyset-paged on id so a
// page never shifts while new entries arrive.
import "server-only";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { FORBIDDEN, type Actor, type Forbidden } from "@/lib/people/actor";

export const AUDIT_PAGE_SIZE = 50;

export type AuditPageQuery = { before?: number; after?: number; pageSize?: number };

export type AuditPage = {
  status: "ok";
  events: Array<{ id: number; createdAt: Date; actorEmail: string; action: string; targetType: string; targetLabel: string; details: unknown }>;
  /** Cursors for the Older and Newer links; null when there is nothing that way. */
  older: number | null;
  newer: number | null;
};

const columns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  actorEmail: auditEvents.actorEmail,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetLabel: auditEvents.targetLabel,
  details: auditEvents.details,
};

/** `before`: the page of entries older than that id; `after`: the page newer than it; neither: the newest. */
export async function listAuditEvents(actor: Actor, query: AuditPageQuery = {}): Promise<AuditPage | Forbidden> {
  if (!can(actor.role, "audit:read")) return FORBIDDEN;
  const size = query.pageSize ?? AUDIT_PAGE_SIZE;
  const ofAccount = eq(auditEvents.accountId, actor.accountId);
  const db = getDb();
  const goingNewer = query.after !== undefined && query.before === undefined;
  // One row more than a page tells whether there is another page the way we are going.
  const rows = goingNewer
    ? await db.select(columns).from(auditEvents).where(and(ofAccount, gt(auditEvents.id, query.after!))).orderBy(asc(auditEvents.id)).limit(size + 1)
    : await db
        .select(columns)
        .from(auditEvents)
        .where(query.before !== undefined ? and(ofAccount, lt(auditEvents.id, query.before)) : ofAccount)
        .orderBy(desc(auditEvents.id))
        .limit(size + 1);
  const more = rows.length > size;
  const events = goingNewer ? rows.slice(0, size).reverse() : rows.slice(0, size);
  if (events.length === 0) return { status: "ok", events, older: null, newer: null };
  const newest = events[0]!.id;
  const oldest = events[events.length - 1]!.id;
  const hasOther = async (where: ReturnType<typeof and>) => (await db.select({ id: auditEvents.id }).from(auditEvents).where(where).limit(1)).length > 0;
  const hasNewer = goingNewer ? more : query.before !== undefined && (await hasOther(and(ofAccount, gt(auditEvents.id, newest))));
  const hasOlder = goingNewer ? await hasOther(and(ofAccount, lt(auditEvents.id, oldest))) : more;
  return { status: "ok", events, older: hasOlder ? oldest : null, newer: hasNewer ? newest : null };
}
