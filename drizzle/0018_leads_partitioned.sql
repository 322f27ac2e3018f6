-- leads becomes a table partitioned by RANGE (submitted_at): one partition per calendar month in UTC
-- (leads_2026_12) and leads_default for anything no month partition holds, so a month of old leads
-- leaves with a DROP TABLE instead of a DELETE of millions of rows (LEAD_RETENTION_DAYS,
-- lib/maintenance/lead-partitions.ts). Written by hand: drizzle-kit cannot say PARTITION BY
-- (db/schema.ts describes the parent's columns and indexes).
--
-- * The primary key becomes (id, submitted_at): every unique index of a partitioned table must hold
--   the partition key. A lead is still found by its id alone.
-- * The unique (import_id, import_line) index cannot stay global, so exactly one lead per import line
--   moves to import_lines (import_id, line) -> (lead_id, submitted_at), unpartitioned, written by a
--   statement-level trigger on leads in the very statement that saves the leads (INSERT or COPY):
--   a second lead for a line fails that statement with a unique violation, as before.
-- * The rollup triggers (0005) are created again on the partitioned parent (statement-level with
--   transition tables: supported on a partitioned table, PostgreSQL and PGlite). They fire only for
--   statements on the parent, never for DETACH or DROP of a partition, so lead_daily_counts keeps the
--   totals of dropped months.
-- * Existing rows move with the triggers not yet in place (their totals are already counted: the
--   rollup is left as it is), after a partition exists for every month they hold.
ALTER TABLE "leads" RENAME TO "leads_unpartitioned";
--> statement-breakpoint
DROP TRIGGER "lead_daily_counts_insert" ON "leads_unpartitioned";
--> statement-breakpoint
DROP TRIGGER "lead_daily_counts_update" ON "leads_unpartitioned";
--> statement-breakpoint
DROP TRIGGER "lead_daily_counts_delete" ON "leads_unpartitioned";
--> statement-breakpoint
DROP TRIGGER "lead_daily_counts_truncate" ON "leads_unpartitioned";
--> statement-breakpoint
ALTER TABLE "leads_unpartitioned" DROP CONSTRAINT "leads_pkey";
--> statement-breakpoint
DROP INDEX "leads_import_line_key", "leads_account_time_idx", "leads_flow_time_idx", "leads_source_time_idx",
  "leads_search_keys_idx", "leads_import_time_idx", "leads_import_unsuccessful_idx";
--> statement-breakpoint
CREATE TABLE "leads" (LIKE "leads_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("submitted_at");
--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_pkey" PRIMARY KEY ("id", "submitted_at");
--> statement-breakpoint
CREATE INDEX "leads_account_time_idx" ON "leads" USING btree ("account_id","submitted_at","id","flow_id","source_id","outcome","import_id","is_batch_lead","price");
--> statement-breakpoint
CREATE INDEX "leads_flow_time_idx" ON "leads" USING btree ("flow_id","submitted_at","id");
--> statement-breakpoint
CREATE INDEX "leads_source_time_idx" ON "leads" USING btree ("source_id","submitted_at","id");
--> statement-breakpoint
-- fastupdate off: see db/schema.ts (a full pending list stalled a real-time insert 200-260 ms).
CREATE INDEX "leads_search_keys_idx" ON "leads" USING gin ("search_keys") WITH (fastupdate=false);
--> statement-breakpoint
CREATE INDEX "leads_import_time_idx" ON "leads" USING btree ("import_id","submitted_at","id");
--> statement-breakpoint
CREATE INDEX "leads_import_unsuccessful_idx" ON "leads" USING btree ("import_id","import_line") WHERE outcome <> 'success';
--> statement-breakpoint
CREATE TABLE "leads_default" PARTITION OF "leads" DEFAULT;
--> statement-breakpoint
-- Makes sure the month (UTC) holding p_at has its partition leads_YYYY_MM; true when it was created.
-- Rows of that month already in leads_default (a month whose partition was missing when they came)
-- are moved into it first, with a DELETE on the default partition itself: statement triggers on the
-- parent do not fire for it, so the rollup is untouched (the leads are the same leads). Creating a
-- partition takes a short exclusive lock on leads; callers set a lock_timeout.
CREATE FUNCTION leads_ensure_month(p_at timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_start timestamp := date_trunc('month', p_at AT TIME ZONE 'UTC');
  v_from timestamptz := v_start AT TIME ZONE 'UTC';
  v_to timestamptz := (v_start + interval '1 month') AT TIME ZONE 'UTC';
  v_name text := 'leads_' || to_char(v_start, 'YYYY_MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('leads_partitions', 0));
  IF to_regclass(v_name) IS NOT NULL THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT FROM leads_default WHERE submitted_at >= v_from AND submitted_at < v_to) THEN
    EXECUTE format('CREATE TABLE %I (LIKE leads INCLUDING DEFAULTS)', v_name);
    EXECUTE format('WITH moved AS (DELETE FROM leads_default WHERE submitted_at >= $1 AND submitted_at < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved', v_name)
      USING v_from, v_to;
    EXECUTE format('ALTER TABLE leads ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF leads FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
  END IF;
  RETURN true;
END $$;
--> statement-breakpoint
SELECT leads_ensure_month(m) FROM (
  SELECT DISTINCT date_trunc('month', submitted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m FROM "leads_unpartitioned"
  UNION SELECT now()
  UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC'
) months ORDER BY m;
--> statement-breakpoint
INSERT INTO "leads" SELECT * FROM "leads_unpartitioned";
--> statement-breakpoint
CREATE TABLE "import_lines" (
	"import_id" text NOT NULL,
	"line" integer NOT NULL,
	"lead_id" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "import_lines_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
INSERT INTO "import_lines" (import_id, line, lead_id, submitted_at)
SELECT import_id, import_line, id, submitted_at FROM "leads_unpartitioned" WHERE import_id IS NOT NULL AND import_line IS NOT NULL;
--> statement-breakpoint
DROP TABLE "leads_unpartitioned";
--> statement-breakpoint
-- An import's leads claim their lines in the statement that saves them.
CREATE FUNCTION import_lines_on_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO import_lines (import_id, line, lead_id, submitted_at)
  SELECT import_id, import_line, id, submitted_at FROM new_leads WHERE import_id IS NOT NULL AND import_line IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER import_lines_insert AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION import_lines_on_leads();
--> statement-breakpoint
CREATE TRIGGER lead_daily_counts_insert AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_on_leads();
--> statement-breakpoint
CREATE TRIGGER lead_daily_counts_update AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_leads NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_on_leads();
--> statement-breakpoint
CREATE TRIGGER lead_daily_counts_delete AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_leads FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_on_leads();
--> statement-breakpoint
CREATE TRIGGER lead_daily_counts_truncate AFTER TRUNCATE ON leads
  FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_on_leads_truncate();
--> statement-breakpoint
-- A time zone change recounts an account's rollup from its leads (0005). Leads of dropped months
-- (LEAD_RETENTION_DAYS) cannot be recounted, so their days keep the totals they had: only the days
-- from two days before the first instant still kept (the oldest month partition, or an older lead in
-- leads_default) are recounted. Two days: every kept lead's day, on the old clock or the new, is on
-- or after that day (time zones lie at most 26 hours apart), so none is counted twice; the totals of
-- dropped leads within those two days are lost. With nothing ever dropped, every day is recounted, as
-- before.
CREATE OR REPLACE FUNCTION lead_daily_counts_rebuild(p_account_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone text;
  v_kept_since timestamptz;
  v_from date;
BEGIN
  PERFORM pg_advisory_xact_lock(lead_daily_counts_lock_key(p_account_id));
  SELECT time_zone INTO v_zone FROM accounts WHERE id = p_account_id;
  SELECT least(
      (SELECT min(to_date(substr(c.relname, 7), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC')
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'leads'::regclass AND c.relname ~ '^leads_[0-9]{4}_[0-9]{2}$'),
      (SELECT min(submitted_at) FROM leads_default WHERE account_id = p_account_id))
    INTO v_kept_since;
  v_from := CASE WHEN v_kept_since IS NULL OR v_zone IS NULL THEN NULL ELSE (v_kept_since AT TIME ZONE v_zone)::date - 2 END;
  DELETE FROM lead_daily_counts WHERE account_id = p_account_id AND (v_from IS NULL OR day >= v_from);
  INSERT INTO lead_daily_counts (account_id, day, flow_id, source_id, import_id, outcome, reason, is_batch_lead, count, cost)
  SELECT l.account_id, (l.submitted_at AT TIME ZONE a.time_zone)::date, l.flow_id, l.source_id, l.import_id,
    l.outcome, l.reason, l.is_batch_lead, count(*), sum(l.price)
  FROM leads l JOIN accounts a ON a.id = l.account_id
  WHERE l.account_id = p_account_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;
--> statement-breakpoint
-- Statistics for the moved rows; an empty database is left unanalyzed (statistics of empty tables
-- would mislead the planner until autovacuum looked again).
DO $$
BEGIN
  IF EXISTS (SELECT FROM leads) THEN
    ANALYZE leads;
    ANALYZE import_lines;
  END IF;
END $$;
