-- Keeps lead_daily_counts (0004) equal to the leads table, inside the statement that changes leads:
-- statement-level triggers with transition tables, so the real-time one-statement save, batch
-- INSERTs and COPY all count once, atomically with the leads themselves. Days are the account's
-- (accounts.time_zone); a time zone change rebuilds that account's rows in the same transaction.
--
-- A writer never waits for another: it adds to a row of its group that no other transaction holds
-- (FOR UPDATE SKIP LOCKED) or inserts a new row. An upsert on a unique key would make concurrent
-- real-time leads of one group queue on one row until each commit (and could deadlock a batch that
-- also waits on dedupe keys); here a group simply gets as many rows as it had writers at once.
--
-- Writers hold a shared advisory lock per account and a rebuild an exclusive one, so a rebuild never
-- races a writer that read the old time zone or that commits between the rebuild's DELETE and INSERT.

-- Adds n leads costing cost (negative when leads are removed) to a group.
CREATE FUNCTION lead_daily_counts_add(
  p_account_id text, p_day date, p_flow_id text, p_source_id text, p_import_id text,
  p_outcome outcome, p_reason text, p_is_batch_lead boolean, p_count bigint, p_cost numeric
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE lead_daily_counts SET count = count + p_count, cost = cost + p_cost
  WHERE id = (
    SELECT id FROM lead_daily_counts
    WHERE account_id = p_account_id AND day = p_day AND flow_id = p_flow_id AND source_id = p_source_id
      AND outcome = p_outcome AND is_batch_lead = p_is_batch_lead
      AND coalesce(import_id, '') = coalesce(p_import_id, '') AND import_id IS NOT DISTINCT FROM p_import_id
      AND md5(coalesce(reason, '')) = md5(coalesce(p_reason, '')) AND reason IS NOT DISTINCT FROM p_reason
    LIMIT 1
    FOR UPDATE SKIP LOCKED
  );
  IF NOT FOUND THEN
    INSERT INTO lead_daily_counts (account_id, day, flow_id, source_id, import_id, outcome, reason, is_batch_lead, count, cost)
    VALUES (p_account_id, p_day, p_flow_id, p_source_id, p_import_id, p_outcome, p_reason, p_is_batch_lead, p_count, p_cost);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION lead_daily_counts_lock_key(p_account_id text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT hashtextextended('lead_daily_counts:' || p_account_id, 0)
$$;
--> statement-breakpoint
-- One trigger function for INSERT, UPDATE and DELETE on leads (statement level). Leads of an account
-- that does not exist have no day and no report, and are not counted.
CREATE FUNCTION lead_daily_counts_on_leads() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g record;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_advisory_xact_lock_shared(lead_daily_counts_lock_key(account_id))
    FROM (SELECT DISTINCT account_id FROM new_leads) s;
    FOR g IN
      SELECT l.account_id, (l.submitted_at AT TIME ZONE a.time_zone)::date AS day, l.flow_id, l.source_id, l.import_id,
        l.outcome, l.reason, l.is_batch_lead, count(*) AS n, sum(l.price) AS cost
      FROM new_leads l JOIN accounts a ON a.id = l.account_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    LOOP
      PERFORM lead_daily_counts_add(g.account_id, g.day, g.flow_id, g.source_id, g.import_id, g.outcome, g.reason, g.is_batch_lead, g.n, g.cost);
    END LOOP;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM pg_advisory_xact_lock_shared(lead_daily_counts_lock_key(account_id))
    FROM (SELECT DISTINCT account_id FROM old_leads) s;
    FOR g IN
      SELECT l.account_id, (l.submitted_at AT TIME ZONE a.time_zone)::date AS day, l.flow_id, l.source_id, l.import_id,
        l.outcome, l.reason, l.is_batch_lead, count(*) AS n, sum(l.price) AS cost
      FROM old_leads l JOIN accounts a ON a.id = l.account_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    LOOP
      PERFORM lead_daily_counts_add(g.account_id, g.day, g.flow_id, g.source_id, g.import_id, g.outcome, g.reason, g.is_batch_lead, -g.n, -g.cost);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION lead_daily_counts_on_leads_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_daily_counts WHERE true;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Recounts one account's rows from its leads, one row per group: after a time zone change, to fill
-- the table the first time, and after a bulk load done with the triggers disabled (bench-leads).
CREATE FUNCTION lead_daily_counts_rebuild(p_account_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lead_daily_counts_lock_key(p_account_id));
  DELETE FROM lead_daily_counts WHERE account_id = p_account_id;
  INSERT INTO lead_daily_counts (account_id, day, flow_id, source_id, import_id, outcome, reason, is_batch_lead, count, cost)
  SELECT l.account_id, (l.submitted_at AT TIME ZONE a.time_zone)::date, l.flow_id, l.source_id, l.import_id,
    l.outcome, l.reason, l.is_batch_lead, count(*), sum(l.price)
  FROM leads l JOIN accounts a ON a.id = l.account_id
  WHERE l.account_id = p_account_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;
--> statement-breakpoint
CREATE FUNCTION lead_daily_counts_on_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lead_daily_counts_rebuild(NEW.id);
  RETURN NULL;
END $$;
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
CREATE TRIGGER lead_daily_counts_time_zone AFTER UPDATE OF time_zone ON accounts
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION lead_daily_counts_on_time_zone();
--> statement-breakpoint
-- Backfill, after the triggers exist: creating them locked leads against writes until this migration
-- commits, so no lead is missed or counted twice.
SELECT lead_daily_counts_rebuild(id) FROM accounts;
