import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flows, sources } from "@/db/schema";
import { flowConfigSchema } from "@/lib/flow/model";

export async function listFlowsByAccount(accountId: string) {
  return getDb()
    .select({ id: flows.id, name: flows.name, enabled: flows.enabled, version: flows.version, updatedAt: flows.updatedAt, sourceCount: count(sources.id) })
    .from(flows)
    .leftJoin(sources, eq(sources.flowId, flows.id))
    .where(eq(flows.accountId, accountId))
    .groupBy(flows.id)
    .orderBy(asc(flows.name));
}

// A flow of this account, with its config parsed; null when it does not exist or belongs to another account.
export async function getFlowForAccount(accountId: string, flowId: string) {
  const [row] = await getDb()
    .select()
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.accountId, accountId)));
  return row ? { ...row, config: flowConfigSchema.parse(row.config) } : null;
}
