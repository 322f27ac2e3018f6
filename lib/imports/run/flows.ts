// The flows and sources an import's rows go to, loaded once per job run. A single-flow import has
// one; a multi-flow file may name any flow and source of the account, checked row by row.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, flows, sources } from "@/db/schema";
import { flowConfigSchema, sourceConfigSchema } from "@/lib/flow/model";
import type { FlowContext } from "@/lib/flow/flow-context";
import type { Mapping } from "../settings";
import type { RowProblem } from "../stage/staged-rows";
import type { ImportTarget } from "../store";
import { routeOf } from "../validate/row-check";

export type FlowRouting = {
  /** The flow context for a row, or why the row has none. */
  contextFor(flowId: string, sourceId: string): FlowContext | { problem: string; field: "flow_id" | "source_id" };
  contexts(): FlowContext[];
};

export async function loadRouting(database: Database, target: ImportTarget): Promise<FlowRouting> {
  const [account] = await database.db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, target.accountId));
  const flowRows = await database.db
    .select({ id: flows.id, enabled: flows.enabled, config: flows.config })
    .from(flows)
    .where(target.flowId ? and(eq(flows.accountId, target.accountId), eq(flows.id, target.flowId)) : eq(flows.accountId, target.accountId));
  const sourceRows = await database.db
    .select({ id: sources.id, flowId: sources.flowId, config: sources.config })
    .from(sources)
    .where(target.sourceId ? and(eq(sources.accountId, target.accountId), eq(sources.id, target.sourceId)) : eq(sources.accountId, target.accountId));
  const flowById = new Map(flowRows.map((f) => [f.id, { id: f.id, enabled: f.enabled, config: flowConfigSchema.parse(f.config) }]));
  const cache = new Map<string, FlowContext>();
  for (const s of sourceRows) {
    const flow = flowById.get(s.flowId);
    if (!flow) continue;
    const ctx = { accountId: target.accountId, timeZone: account?.timeZone ?? "UTC", flow, source: { id: s.id, config: sourceConfigSchema.parse(s.config) } };
    cache.set(`${flow.id}:${s.id}`, ctx);
  }
  return {
    contextFor(flowId, sourceId) {
      const found = cache.get(`${flowId.trim()}:${sourceId.trim()}`);
      if (found) return found;
      if (!flowById.has(flowId.trim())) {
        return { field: "flow_id", problem: flowId.trim() === "" ? "flow_id is empty" : `flow_id ${flowId.trim()} is not a flow of this account` };
      }
      return {
        field: "source_id",
        problem: sourceId.trim() === "" ? "source_id is empty" : `source_id ${sourceId.trim()} is not a source of flow ${flowId.trim()}`,
      };
    },
    contexts: () => [...cache.values()],
  };
}

/** A row's flow context, or the problem reported for a multi-flow row that names none of the account's. */
export function contextOfRow(routing: FlowRouting, target: ImportTarget, mapping: Mapping, cells: string[]): FlowContext | { problem: RowProblem } {
  const route = target.flowId && target.sourceId ? { flowId: target.flowId, sourceId: target.sourceId } : routeOf(mapping, cells);
  const ctx = routing.contextFor(route.flowId, route.sourceId);
  if (!("problem" in ctx)) return ctx;
  return { problem: { field: ctx.field, value: ctx.field === "flow_id" ? route.flowId : route.sourceId, reason: ctx.problem } };
}
