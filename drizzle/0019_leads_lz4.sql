-- A lead row's jsonb (raw, normalized, events) is compressed with lz4 instead of the default pglz. A
-- lead row is over 2 KB, so PostgreSQL compresses its largest value (normalized, about 1.7 KB as text)
-- on every insert: pglz_compress was about 8% of PostgreSQL's CPU in a 200,000-row import (issue #12);
-- lz4 compresses several times faster. Written by hand: drizzle cannot say COMPRESSION.
--
-- * Set on the parent and on every existing partition: on the parent alone it reaches only partitions
--   created later with PARTITION OF. Metadata only: no rewrite. Rows stored before keep their pglz
--   values, and a value moved between partitions keeps the compression it has; both read back the
--   same (each value says how it was compressed).
-- * Where the server has no lz4 (PGlite; a PostgreSQL built without it), SET COMPRESSION lz4 fails
--   with feature_not_supported: the block then changes nothing (its ALTERs are rolled back) and the
--   columns keep pglz.
DO $$
DECLARE
  v_table regclass;
BEGIN
  FOR v_table IN
    SELECT 'leads'::regclass UNION ALL SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'leads'::regclass
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN "raw" SET COMPRESSION lz4, ALTER COLUMN "normalized" SET COMPRESSION lz4, ALTER COLUMN "events" SET COMPRESSION lz4', v_table);
  END LOOP;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
--> statement-breakpoint
-- A month whose rows wait in leads_default gets its partition by CREATE TABLE (LIKE leads) + ATTACH,
-- which copies no compression unless told to, and ATTACH does not set it: INCLUDING COMPRESSION copies
-- the parent's (lz4 where supported, the default elsewhere). Otherwise as in 0018.
CREATE OR REPLACE FUNCTION leads_ensure_month(p_at timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
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
    EXECUTE format('CREATE TABLE %I (LIKE leads INCLUDING DEFAULTS INCLUDING COMPRESSION)', v_name);
    EXECUTE format('WITH moved AS (DELETE FROM leads_default WHERE submitted_at >= $1 AND submitted_at < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved', v_name)
      USING v_from, v_to;
    EXECUTE format('ALTER TABLE leads ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
  ELSE
    EXECUTE format('CREATE TABLE %I PARTITION OF leads FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
  END IF;
  RETURN true;
END $$;
