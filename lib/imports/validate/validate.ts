// The validation job: every staged row checked against its flow's and source's acceptance criteria,
// and duplicates within the file found by the flow's dedupe fields. One transaction per batch saves
// the batch's problems, its keys and the progress counters together, so a retried job carries on
// from the last committed line and counts every row once. On PostgreSQL the next batch is read and
// checked (the costly, pure part) while the current one's keys and problems are written.
import type { Database } from "@/db/client";
import type { SqlTransaction } from "@/db/transaction";
import type { FlowContext } from "@/lib/flow/flow-context";
import { loadRouting, type FlowRouting } from "../run/flows";
import { readAheadOn, runBatches, type JobOptions, type JobResult } from "../jobs/job-batches";
import type { ReadAhead } from "../jobs/read-ahead";
import { checkRow, leadData, planFor, routeOf, type RowPlan } from "./row-check";
import type { Mapping } from "../settings";
import { readRows, type RowProblem, type StoredRow } from "../stage/staged-rows";
import { getImport, type ImportTarget } from "../store";

const BATCH = 2000;

type Run = {
  importId: string;
  target: ImportTarget;
  mapping: Mapping;
  routing: FlowRouting;
  plans: Map<FlowContext, RowPlan>;
  batchSize: number;
  ahead: ReadAhead<Checked> | null;
};

/** A batch's rows checked: the invalid ones with their problems, the valid ones with a dedupe key. */
type Checked = { rows: StoredRow[]; invalid: Array<{ line: number; problems: RowProblem[] }>; keyed: Array<{ line: number; key: string }> };

/** "done" when validated (or handed on to the import, when a mode was chosen up front). */
export async function runValidation(database: Database, importId: string, options: JobOptions): Promise<JobResult> {
  const current = await getImport(database, importId);
  if (current?.status !== "validating") return "stopped";
  const run: Run = {
    importId,
    target: current,
    mapping: current.mapping as Mapping,
    routing: await loadRouting(database, current),
    plans: new Map(),
    batchSize: options.batchSize ?? BATCH,
    ahead: null,
  };
  run.ahead = readAheadOn(database, async (afterLine, query) => checkBatchInSlices(run, await readRows(query, importId, Number(afterLine), run.batchSize)));
  return runBatches(database, options, run.ahead, (tx) => validateBatch(tx, run));
}

async function validateBatch(tx: SqlTransaction, run: Run): Promise<JobResult | "continue"> {
  const { rows: locked } = await tx.query<{ status: string; validated_line: number | null; mode: string | null }>(
    "select status, validated_line, mode from imports where id = $1 for update",
    [run.importId],
  );
  const state = locked[0];
  if (state?.status !== "validating") return "stopped";
  const afterLine = state.validated_line ?? 0;
  const { rows, invalid, keyed } =
    (await run.ahead?.take(String(afterLine))) ?? checkBatch(run, await readRows(tx.query, run.importId, afterLine, run.batchSize));
  if (rows.length === 0) {
    await tx.query("delete from import_row_keys where import_id = $1", [run.importId]);
    await tx.query(`update imports set status = $2, updated_at = now() where id = $1`, [run.importId, state.mode ? "importing" : "validated"]);
    return "done";
  }
  if (rows.length === run.batchSize) run.ahead?.start(String(rows[rows.length - 1]!.line));
  const duplicates = await claimKeys(tx, run.importId, keyed);
  if (invalid.length > 0) {
    await tx.query(
      `update import_rows r set problems = v.problems::jsonb from unnest($2::int[], $3::text[]) as v(line, problems)
       where r.import_id = $1 and r.line = v.line`,
      [run.importId, invalid.map((i) => i.line), invalid.map((i) => JSON.stringify(i.problems))],
    );
  }
  if (duplicates.length > 0) {
    await tx.query(
      `update import_rows r set duplicate_of_line = v.first from unnest($2::int[], $3::int[]) as v(line, first)
       where r.import_id = $1 and r.line = v.line`,
      [run.importId, duplicates.map((d) => d.line), duplicates.map((d) => d.first)],
    );
  }
  await tx.query(
    `update imports set validated_rows = validated_rows + $2, invalid_rows = invalid_rows + $3,
       duplicate_rows = duplicate_rows + $4, validated_line = $5, updated_at = now() where id = $1`,
    [run.importId, rows.length, invalid.length, duplicates.length, rows[rows.length - 1]!.line],
  );
  return "continue";
}

function checkBatch(run: Run, rows: StoredRow[]): Checked {
  const checked: Checked = { rows, invalid: [], keyed: [] };
  for (const row of rows) checkInto(checked, run, row);
  return checked;
}

/** Rows checked between two turns of the event loop when reading ahead, so the batch being written is not held up. */
const SLICE_ROWS = 50;

async function checkBatchInSlices(run: Run, rows: StoredRow[]): Promise<Checked> {
  const checked: Checked = { rows, invalid: [], keyed: [] };
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % SLICE_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    checkInto(checked, run, row);
  }
  return checked;
}

function checkInto(checked: Checked, run: Run, row: StoredRow) {
  const result = checkStagedRow(run, row);
  if (result.problems.length > 0) checked.invalid.push({ line: row.line, problems: result.problems });
  else if (result.key !== null) checked.keyed.push({ line: row.line, key: result.key });
}

function checkStagedRow(run: Run, row: StoredRow): { problems: RowProblem[]; key: string | null } {
  if (row.problem !== null) return { problems: [{ field: null, value: "", reason: row.problem }], key: null };
  const route = run.target.flowId && run.target.sourceId ? { flowId: run.target.flowId, sourceId: run.target.sourceId } : routeOf(run.mapping, row.fields);
  const ctx = run.routing.contextFor(route.flowId, route.sourceId);
  if ("problem" in ctx) {
    return { problems: [{ field: ctx.field, value: ctx.field === "flow_id" ? route.flowId : route.sourceId, reason: ctx.problem }], key: null };
  }
  let plan = run.plans.get(ctx);
  if (!plan) run.plans.set(ctx, (plan = planFor(ctx)));
  return checkRow(plan, leadData(run.mapping, row.fields));
}

/**
 * The first line with a key keeps it; every other line with that key, in this batch or after an
 * earlier batch claimed it, is a duplicate of that first line.
 */
async function claimKeys(tx: SqlTransaction, importId: string, keyed: Array<{ line: number; key: string }>) {
  const firstLine = new Map<string, number>();
  for (const { line, key } of keyed) if (!firstLine.has(key)) firstLine.set(key, line);
  if (firstLine.size > 0) {
    const { rows: claimed } = await tx.query<{ key: string }>(
      `insert into import_row_keys (import_id, key, line) select $1, k, l from unnest($2::text[], $3::int[]) as u(k, l)
       on conflict do nothing returning key`,
      [importId, [...firstLine.keys()], [...firstLine.values()]],
    );
    const won = new Set(claimed.map((r) => r.key));
    const lost = [...firstLine.keys()].filter((key) => !won.has(key));
    if (lost.length > 0) {
      const { rows: earlier } = await tx.query<{ key: string; line: number }>(
        "select key, line from import_row_keys where import_id = $1 and key = any($2::text[])",
        [importId, lost],
      );
      for (const { key, line } of earlier) firstLine.set(key, line);
    }
  }
  return keyed.filter(({ line, key }) => firstLine.get(key) !== line).map(({ line, key }) => ({ line, first: firstLine.get(key)! }));
}
