// A lead's step results as the lead row stores them (leads.events, a jsonb array, migration 0014):
// one entry per step in order, saved with the lead in the same row, so the lead page reads one row
// and a batch writes one COPY instead of a second table and index. `at` is set only where a step ran
// at another time than the lead's submitted_at (events moved from the old lead_events table); new
// leads' steps all run at submitted_at.
import type { LeadEvent } from "./flow-store";
import type { StepOutcome } from "./model";

export type StoredEvent = { position: number; step: string; outcome: StepOutcome; reason: string | null; duration_ms: number; at?: string };

export type TimelineEntry = { position: number; step: string; outcome: StepOutcome; reason: string | null; durationMs: number; ranAt: Date };

export function storedEvents(events: LeadEvent[]): StoredEvent[] {
  return events.map((e) => ({ position: e.position, step: e.step, outcome: e.outcome, reason: e.reason, duration_ms: e.durationMs }));
}

/** The stored events as the lead page and "Test this flow" show them, in step order. */
export function timelineOf(events: StoredEvent[] | null, submittedAt: Date): TimelineEntry[] {
  return (events ?? [])
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.position - b.e.position || a.index - b.index)
    .map(({ e }) => ({
      position: e.position,
      step: e.step,
      outcome: e.outcome,
      reason: e.reason,
      durationMs: Number(e.duration_ms),
      ranAt: e.at === undefined ? submittedAt : new Date(e.at),
    }));
}
