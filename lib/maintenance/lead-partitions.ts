// The month partitions of leads (drizzle/0018_leads_partitioned.sql): one per calendar month in UTC,
// named leads_YYYY_MM, and leads_default for anything no month partition holds.
//
// ensureLeadPartitions makes sure this month's and next month's partitions exist (at start and in the
// hourly maintenance), so a lead never lands in leads_default in normal running; any month found in
// leads_default anyway (a month whose partition was missing, leads submitted with an old time) gets its
// partition too, its rows moved into it (leads_ensure_month).
//
// dropExpiredLeadMonths (LEAD_RETENTION_DAYS) drops whole month partitions whose month ended more than
// that many days ago: DETACH and DROP TABLE, never a DELETE of rows, so it costs the same for a month
// of ten leads or ten million. A lead is kept at least LEAD_RETENTION_DAYS days and at most that plus
// one month. The rollup triggers fire only for statements on the parent, not for DETACH or DROP, so
// lead_daily_counts keeps the totals of dropped months (reports still count them). import_lines rows
// of dropped leads stay until their import's staged rows go (prune.ts); what refers to a dropped lead
// by id (imports.last_lead_id, delivery_attempts, dedupe_keys, delivery holds) has no foreign key and
// reads as "no lead" where it is shown. leads_default is never dropped.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const DAY_MS = 24 * 60 * 60 * 1000;
// Creating, detaching or dropping a partition takes a lock on leads that waits for the writes in
// flight (an import's batch); waiting longer would hold every new write behind it. Tried again in an hour.
const LOCK_TIMEOUT = "5s";
const MONTH_NAME = /^leads_(\d{4})_(\d{2})$/;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/** The first instant (UTC) of the month holding `at`, plus `months`. */
export function monthStart(at: Date, months = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/** Creates this month's and next month's partitions, and one for every month found in leads_default. Returns the partitions created. */
export async function ensureLeadPartitions(db: Db, now: Date = new Date()): Promise<string[]> {
  const strays = rowsOf<{ m: string }>(
    await db.execute(sql`select distinct to_char(date_trunc('month', submitted_at at time zone 'UTC'), 'YYYY-MM-DD') as m from leads_default`),
  ).map((r) => new Date(`${r.m}T00:00:00Z`));
  const months = [monthStart(now), monthStart(now, 1), ...strays];
  const created: string[] = [];
  for (const month of months) {
    const made = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`));
      return rowsOf<{ made: boolean }>(await tx.execute(sql`select leads_ensure_month(${month.toISOString()}::timestamptz) as made`))[0]?.made === true;
    });
    if (made) created.push(partitionName(month));
  }
  return created;
}

export function partitionName(month: Date): string {
  return `leads_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * The first instant whose leads are surely still kept: leads submitted before it may be gone. Months
 * ending at or before `now - retentionDays` are dropped, so this is the start of the month holding
 * `now - retentionDays`. Null when leads are kept for ever.
 */
export function leadsKeptSince(retentionDays: number | undefined, now: Date = new Date()): Date | null {
  if (retentionDays === undefined) return null;
  return monthStart(new Date(now.getTime() - retentionDays * DAY_MS));
}

/** Month partitions of leads, oldest first, with the month they hold. */
export async function listLeadPartitions(db: Db): Promise<Array<{ name: string; month: Date }>> {
  const names = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'leads'::regclass`),
  ).map((r) => r.name);
  return names
    .flatMap((name) => {
      const m = MONTH_NAME.exec(name);
      return m ? [{ name, month: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) }] : [];
    })
    .sort((a, b) => a.month.getTime() - b.month.getTime());
}

/** Drops (DETACH + DROP TABLE) every month partition whose whole month ended more than `retentionDays` ago. Returns what it dropped. */
export async function dropExpiredLeadMonths(db: Db, retentionDays: number, now: Date = new Date()): Promise<Array<{ partition: string; leads: number }>> {
  const keptSince = leadsKeptSince(retentionDays, now)!;
  const dropped: Array<{ partition: string; leads: number }> = [];
  for (const { name, month } of await listLeadPartitions(db)) {
    if (monthStart(month, 1).getTime() > keptSince.getTime()) continue;
    const leads = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`));
      // reltuples: the planner's estimate (-1 never analyzed), for the log; counting would read the month.
      const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select greatest(reltuples, 0)::float8 as n from pg_class where relname = ${name}`));
      await tx.execute(sql.raw(`alter table leads detach partition "${name}"`));
      await tx.execute(sql.raw(`drop table "${name}"`));
      return Math.round(row?.n ?? 0);
    });
    dropped.push({ partition: name, leads });
  }
  return dropped;
}
