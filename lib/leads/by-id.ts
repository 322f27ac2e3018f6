// Finding one lead by its id, with the account (and import) it must belong to. leads is partitioned
// by month (drizzle/0018) and its primary key is (id, submitted_at), no longer unique on id alone, so
// on a month partition not analyzed since it filled (a fresh import) the planner may take
// leads_account_time_idx with the account and scan all of the account's leads in that month for the
// id (15-73 ms for 200,000 leads in bench:import's completed page) instead of one probe of each
// month's primary key (0.04-0.1 ms). These conditions are written so no index can serve them: the
// id alone picks the index (the primary key's first column), they only filter the row found.
import { sql, type SQL } from "drizzle-orm";
import { leads } from "@/db/schema";

/** `leads.account_id = accountId`, as a filter on the lead found by its id (never an index condition). */
export function leadOfAccount(accountId: string): SQL {
  return sql`(${leads.accountId} || '') = ${accountId}`;
}
