ALTER TABLE "leads" ADD COLUMN "events" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-added: each lead's existing step results move into its row, in step order, before the table
-- goes (lib/flow/lead-events.ts reads them). A step's `at` is kept only where it differs from the
-- lead's submitted_at. The rollup trigger on UPDATE is switched off for this one statement: no
-- outcome, reason, price or day changes, so it would only subtract and add back every lead's count.
ALTER TABLE "leads" DISABLE TRIGGER "lead_daily_counts_update";--> statement-breakpoint
UPDATE "leads" l SET "events" = e.events
FROM (
  SELECT ev.lead_id, jsonb_agg(
    jsonb_build_object('position', ev.position, 'step', ev.step, 'outcome', ev.outcome, 'reason', ev.reason, 'duration_ms', ev.duration_ms)
      || CASE WHEN ev.created_at = ld.submitted_at THEN '{}'::jsonb ELSE jsonb_build_object('at', ev.created_at) END
    ORDER BY ev.position, ev.id
  ) AS events
  FROM "lead_events" ev JOIN "leads" ld ON ld.id = ev.lead_id
  GROUP BY ev.lead_id
) e
WHERE l.id = e.lead_id;--> statement-breakpoint
ALTER TABLE "leads" ENABLE TRIGGER "lead_daily_counts_update";--> statement-breakpoint
DROP TABLE "lead_events" CASCADE;
