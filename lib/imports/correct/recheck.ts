// A corrected row checked again the way validation checks it (validate/validate.ts checkStagedRow):
// the row's flow and source, its mapped cells, the acceptance criteria, and its dedupe key.
import type { Database } from "@/db/client";
import type { Import } from "@/db/schema";
import type { FlowContext } from "@/lib/flow/flow-context";
import { contextOfRow, loadRouting } from "../run/flows";
import type { Mapping } from "../settings";
import { checkRow, leadData, planFor, type RowCheck, type RowPlan } from "../validate/row-check";

export type RowChecker = (cells: string[]) => RowCheck;

/** Loads the import's flows and sources once; the checker then runs on cells alone. */
export async function rowCheckerFor(database: Database, imp: Import): Promise<RowChecker> {
  const routing = await loadRouting(database, imp);
  const mapping = imp.mapping as Mapping;
  const plans = new Map<FlowContext, RowPlan>();
  return (cells) => {
    const ctx = contextOfRow(routing, imp, mapping, cells);
    if ("problem" in ctx) return { problems: [ctx.problem], key: null };
    let plan = plans.get(ctx);
    if (!plan) plans.set(ctx, (plan = planFor(ctx)));
    return checkRow(plan, leadData(mapping, cells));
  };
}
