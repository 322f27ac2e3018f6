// Reading an import's rows back with their outcome: pages for the wizard and the summary, and the
// source of the results and problems CSV files. Keyset pages by line, so any page costs the same.
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import { correctedCells, type Corrections } from "../correct/cells";
import { queryOf, type RowProblem } from "../stage/staged-rows";
import { withNotReached, type ReasonCount } from "./row-outcomes";

export type { ReasonCount };

export type ResultRow = {
  line: number;
  /** The row's cells as imported: with its corrections, when it was corrected in place (issue #16). */
  cells: string[];
  /** Whether a cell was corrected in place: the lead carries the corrected value, its raw data the file's. */
  corrected: boolean;
  /** Empty while the import has not reached the row yet. */
  outcome: "success" | "failure" | "error" | "";
  leadId: string | null;
  reason: string;
};

/** `readable`: false for a row with too few or too many values, whose cells cannot be corrected in place. */
export type ProblemRow = { line: number; cells: string[]; problems: RowProblem[]; duplicateOfLine: number | null; corrected: boolean; readable: boolean };

// lead_id: the row's lead from import_lines; lead_gone: its month was dropped since (LEAD_RETENTION_DAYS).
type Joined = {
  line: number;
  fields: string[];
  corrections: Corrections | null;
  problems: RowProblem[] | null;
  duplicate_of_line: number | null;
  lead_id: string | null;
  lead_gone: boolean;
  outcome: ResultRow["outcome"] | null;
  reason: string | null;
};

export const LEAD_GONE_REASON = "Lead no longer kept (LEAD_RETENTION_DAYS)";

// A row's lead: its import_lines row, then the lead in its one month (leads is partitioned). One
// lookup per row, always: `limit 1` keeps the planner from folding it into a join, which on tables
// it had not analyzed since they filled (a fresh import) it made a merge join reading all of the
// import's lines and leads to fill a page of 50 rows (0.9 s for 200,000, PostgreSQL 15).
const ROW_LEAD = `select il.lead_id, l.id is null as lead_gone, l.outcome::text as outcome, l.reason
  from import_lines il left join leads l on l.id = il.lead_id and l.submitted_at = il.submitted_at
  where il.import_id = r.import_id and il.line = r.line limit 1`;

const FINISHED: ReadonlySet<Import["status"]> = new Set(["completed", "cancelled", "failed"]);

export async function readResults(database: Database, imp: Import, page: { after: number; limit: number; outcome?: ResultRow["outcome"] }): Promise<ResultRow[]> {
  if (page.outcome === "failure" || page.outcome === "error") return readUnsuccessful(database, imp, { ...page, outcome: page.outcome });
  const { rows } = await queryOf(database)<Joined>(
    `select r.line, r.fields, r.corrections, r.problems, r.duplicate_of_line, x.lead_id, x.lead_gone, x.outcome, x.reason
     from import_rows r
     left join lateral (${ROW_LEAD}) x on true
     where r.import_id = $1 and r.line > $2 and ($4::text is null or coalesce(x.outcome, case when x.lead_id is null then $5 end) = $4)
     order by r.line limit $3`,
    [imp.id, page.after, page.limit, page.outcome || null, FINISHED.has(imp.status) ? "failure" : ""],
  );
  return rows.map((row) => toResult(imp, row));
}

/**
 * The failure (or error) rows of a page, found without walking every row of the import: a 1M-row
 * file with ten failures was read whole to fill one page (issue #14). The lines come from the failed
 * and error leads (leads_import_unsuccessful_idx) and, once the import ended, from the rows without
 * a lead: rows with a problem or a repeat (import_rows_problem_lines_idx; every skipped row has one)
 * and rows after last_line, never reached. Same rows, in the same order, as the unfiltered query.
 * A source is left out when the import's counters say it holds no row (they move in the batch's
 * transaction with its leads, and leads are never changed afterwards): rows up to last_line are
 * without a lead only when the job skipped them (skipped_rows), and the leads of an outcome only when
 * its count is above 0. In bench:import's 1M-row "import all rows" file every one of the 29,497 rows
 * with a problem or repeat has its lead, and probing the leads for each took 150-400 ms of the
 * completed import's page for no row; "rows with errors" walked all 29,497 failed leads for none.
 */
async function readUnsuccessful(database: Database, imp: Import, page: { after: number; limit: number; outcome: "failure" | "error" }): Promise<ResultRow[]> {
  const withoutLead = "not exists (select 1 from import_lines x where x.import_id = r.import_id and x.line = r.line)";
  const notImported = page.outcome === "failure" && FINISHED.has(imp.status);
  const leadsOfOutcome = page.outcome === "failure" ? imp.failureCount : imp.errorCount;
  // $1 import, $2 after, $3 limit; each source adds the parameters it uses (an unused one has no type).
  const params: unknown[] = [imp.id, page.after, page.limit];
  const param = (value: unknown) => `$${params.push(value)}`;
  const arms: string[] = [];
  if (leadsOfOutcome > 0) {
    // An enum comparison, not text: leads is partitioned, and only then does the planner merge each
    // month's leads_import_unsuccessful_idx in line order (Merge Append, 0.4 ms) instead of sorting
    // every failed lead after the cursor (40 ms for 20,000 of them, EXPLAIN on PostgreSQL 15).
    arms.push(`(select l.import_line as line from leads l
      where l.import_id = $1 and l.import_line > $2 and l.outcome <> 'success' and l.outcome = ${param(page.outcome)}::outcome order by l.import_line limit $3)`);
  }
  if (notImported && imp.skippedRows > 0) {
    arms.push(`(select r.line from import_rows r where r.import_id = $1 and r.line > $2
      and (r.problems is not null or r.duplicate_of_line is not null) and ${withoutLead} order by r.line limit $3)`);
  }
  if (notImported) {
    arms.push(`(select r.line from import_rows r where r.import_id = $1 and r.line > greatest($2::int, ${param(imp.lastLine ?? 0)}::int) and ${withoutLead} order by r.line limit $3)`);
  }
  if (arms.length === 0) return [];
  const { rows } = await queryOf(database)<Joined>(
    `with picked as (${arms.join(" union all ")})
     select r.line, r.fields, r.corrections, r.problems, r.duplicate_of_line, x.lead_id, x.lead_gone, x.outcome, x.reason
     from (select distinct line from picked order by line limit $3) p
     join import_rows r on r.import_id = $1 and r.line = p.line
     left join lateral (${ROW_LEAD}) x on true
     order by r.line`,
    params,
  );
  return rows.map((row) => toResult(imp, row));
}

function toResult(imp: Import, row: Joined): ResultRow {
  const cells = { line: row.line, cells: correctedCells(row.fields, row.corrections), corrected: row.corrections !== null };
  if (row.lead_id !== null && row.lead_gone) return { ...cells, outcome: "", leadId: row.lead_id, reason: LEAD_GONE_REASON };
  if (row.lead_id !== null) return { ...cells, outcome: row.outcome ?? "error", leadId: row.lead_id, reason: row.reason ?? "" };
  if (!FINISHED.has(imp.status)) return { ...cells, outcome: "", leadId: null, reason: "" };
  return { ...cells, outcome: "failure", leadId: null, reason: notImportedReason(imp, row) };
}

function notImportedReason(imp: Import, row: Joined): string {
  const why = problemText(row.problems, row.duplicate_of_line);
  if (why !== "") return `Not imported: ${why}`;
  if (imp.status === "cancelled") return "Not imported: the import was cancelled";
  return "Not imported: the import stopped before this row";
}

/** One line for a row's problems: reasons joined, or the earlier line it repeats. */
export function problemText(problems: RowProblem[] | null, duplicateOfLine: number | null): string {
  if (problems && problems.length > 0) return problems.map((p) => p.reason).join("; ");
  return duplicateOfLine !== null ? `Duplicate of line ${duplicateOfLine}` : "";
}

/** Rows with problems: "invalid" (unreadable or failing criteria), "duplicate", or both. */
export async function readProblems(database: Database, importId: string, page: { after: number; limit: number; kind?: "invalid" | "duplicate" }): Promise<ProblemRow[]> {
  const filter =
    page.kind === "invalid" ? "problems is not null" : page.kind === "duplicate" ? "duplicate_of_line is not null" : "(problems is not null or duplicate_of_line is not null)";
  const { rows } = await queryOf(database)<Pick<Joined, "line" | "fields" | "corrections" | "problems" | "duplicate_of_line"> & { readable: boolean }>(
    `select line, fields, corrections, problems, duplicate_of_line, problem is null as readable from import_rows
     where import_id = $1 and line > $2 and ${filter} order by line limit $3`,
    [importId, page.after, page.limit],
  );
  return rows.map((r) => ({
    line: r.line,
    cells: correctedCells(r.fields, r.corrections),
    problems: r.problems ?? [],
    duplicateOfLine: r.duplicate_of_line,
    corrected: r.corrections !== null,
    readable: r.readable,
  }));
}

type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

/**
 * Counts by outcome and reason, rows reported without a lead included, and for an ended import the
 * rows it never reached, so they add up to the row outcomes and to results.csv. A row never reached
 * that has a problem is counted under its problem, as results.csv gives it, not a second time as
 * never reached. Reads every lead and row of the import: an ended import keeps the answer
 * (reason-counts.ts), so pages do not run it again.
 */
export async function countByReason(query: Query, importId: string): Promise<ReasonCount[]> {
  const { rows: found } = await query<Parameters<typeof withNotReached>[1] & { lastLine: number | null }>(
    `select status, rows, processed_rows as "processedRows", success_count as "successCount", failure_count as "failureCount",
       error_count as "errorCount", skipped_rows as "skippedRows", last_line as "lastLine" from imports where id = $1`,
    [importId],
  );
  const imp = found[0];
  if (!imp) return [];
  const { rows: leads } = await query<{ outcome: ReasonCount["outcome"]; reason: string | null; count: number }>(
    "select outcome::text as outcome, reason, count(*)::int as count from leads where import_id = $1 group by 1, 2",
    [importId],
  );
  const { rows: skipped } = await query<{ reason: string | null; count: number; unreached: number }>(
    `select coalesce(r.problems->0->>'reason', 'Duplicate of an earlier line') as reason, count(*)::int as count,
       (count(*) filter (where r.line > $2))::int as unreached
     from import_rows r left join import_lines il on il.import_id = r.import_id and il.line = r.line
     where r.import_id = $1 and il.lead_id is null and (r.problems is not null or r.duplicate_of_line is not null) group by 1`,
    [importId, imp.lastLine ?? 0],
  );
  const counted = [
    ...leads.map((r) => ({ outcome: r.outcome, reason: r.reason ?? "", count: r.count })),
    ...skipped.map((r) => ({ outcome: "failure" as const, reason: `Not imported: ${r.reason}`, count: r.count })),
  ];
  return withNotReached(counted, imp, skipped.reduce((n, r) => n + r.unreached, 0)).sort((a, b) => b.count - a.count);
}
