import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flows, sources } from "@/db/schema";

export async function listSourcesByAccount(accountId: string) {
  return getDb()
    .select({
      id: sources.id,
      name: sources.name,
      enabled: sources.enabled,
      flowId: sources.flowId,
      flowName: flows.name,
    })
    .from(sources)
    .innerJoin(flows, eq(flows.id, sources.flowId))
    .where(eq(sources.accountId, accountId))
    .orderBy(asc(flows.name), asc(sources.name));
}

export async function listSourcesByFlow(accountId: string, flowId: string) {
  return getDb()
    .select({ id: sources.id, name: sources.name, enabled: sources.enabled, docsTokenNonce: sources.docsTokenNonce })
    .from(sources)
    .where(and(eq(sources.accountId, accountId), eq(sources.flowId, flowId)))
    .orderBy(asc(sources.name));
}
