// What the pages say about leads dropped by LEAD_RETENTION_DAYS (lib/maintenance/lead-partitions.ts
// drops whole months): from which day leads are surely still kept, and why a lead is not found.
import { leadsKeptSince } from "@/lib/maintenance/lead-partitions";
import { idCreatedAt } from "@/lib/ids";

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** "2026-09-01": the first day (UTC) whose leads are surely kept; null when leads are kept for ever. */
export function keptSinceDay(retentionDays: number | undefined, now: Date = new Date()): string | null {
  const since = leadsKeptSince(retentionDays, now);
  return since && dayOf(since);
}

/** The reports' sentence: leads before that day are gone from the Leads view, their totals are not. */
export function droppedLeadsSentence(retentionDays: number | undefined, now: Date = new Date()): string | null {
  const day = keptSinceDay(retentionDays, now);
  if (day === null) return null;
  return `Leads are kept ${retentionDays} days: leads submitted before ${day} (UTC) may be no longer kept, so the Leads view and the lead pages show nothing for them. Report totals still count them.`;
}

/**
 * Why a lead id finds no lead: "no longer kept" when retention is on and the id was made (ids start
 * with their creation second, lib/ids.ts) before the months still kept; otherwise plain not found.
 */
export function leadNotFoundMessage(leadId: string, retentionDays: number | undefined, now: Date = new Date()): string {
  const since = leadsKeptSince(retentionDays, now);
  const made = idCreatedAt(leadId);
  if (since !== null && made !== null && made < since) {
    return `This lead is no longer kept: leads are kept ${retentionDays} days (leads submitted before ${dayOf(since)}, UTC, are deleted).`;
  }
  return "Lead not found";
}
