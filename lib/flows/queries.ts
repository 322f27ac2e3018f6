import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, flows, flowVersions, leadEvents, leads, sources } from "@/db/schema";
import { flowConfigSchema, type FlowConfig } from "@/lib/flow/model";
import { newId } from "@/lib/ids";

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

// A new flow is version 1, and version 1 is in its history like every later save.
export async function insertFlow(values: { accountId: string; name: string; config: FlowConfig; savedBy: string }) {
  const id = newId();
  await getDb().transaction(async (tx) => {
    await tx.insert(flows).values({ id, accountId: values.accountId, name: values.name, config: values.config });
    await tx.insert(flowVersions).values({ flowId: id, version: 1, name: values.name, config: values.config, savedBy: values.savedBy });
  });
  return id;
}

export type SaveVersionResult = { status: "ok"; version: number } | { status: "not_found" } | { status: "conflict"; version: number };

// Saves only over the version the editor started from, so two people saving at once cannot silently
// overwrite each other; the flow row and its history row commit together or not at all.
export async function saveFlowVersion(values: {
  accountId: string;
  flowId: string;
  expectedVersion: number;
  name: string;
  config: FlowConfig;
  savedBy: string;
}): Promise<SaveVersionResult> {
  return getDb().transaction(async (tx) => {
    const [saved] = await tx
      .update(flows)
      .set({ name: values.name, config: values.config, version: sql`${flows.version} + 1`, updatedAt: new Date() })
      .where(and(eq(flows.id, values.flowId), eq(flows.accountId, values.accountId), eq(flows.version, values.expectedVersion)))
      .returning({ version: flows.version });
    if (!saved) {
      const [current] = await tx
        .select({ version: flows.version })
        .from(flows)
        .where(and(eq(flows.id, values.flowId), eq(flows.accountId, values.accountId)));
      return current ? { status: "conflict", version: current.version } : { status: "not_found" };
    }
    await tx.insert(flowVersions).values({
      flowId: values.flowId,
      version: saved.version,
      name: values.name,
      config: values.config,
      savedBy: values.savedBy,
    });
    return { status: "ok", version: saved.version };
  });
}

export async function setFlowEnabled(accountId: string, flowId: string, enabled: boolean): Promise<boolean> {
  const rows = await getDb()
    .update(flows)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(flows.id, flowId), eq(flows.accountId, accountId)))
    .returning({ id: flows.id });
  return rows.length === 1;
}

// Newest first; `limit` versions plus the one before the oldest, so every listed version has a diff.
export async function listFlowVersions(accountId: string, flowId: string, limit: number) {
  const rows = await getDb()
    .select({
      version: flowVersions.version,
      name: flowVersions.name,
      config: flowVersions.config,
      createdAt: flowVersions.createdAt,
      savedBy: accountHolders.email,
    })
    .from(flowVersions)
    .innerJoin(flows, eq(flows.id, flowVersions.flowId))
    .leftJoin(accountHolders, eq(accountHolders.id, flowVersions.savedBy))
    .where(and(eq(flowVersions.flowId, flowId), eq(flows.accountId, accountId)))
    .orderBy(desc(flowVersions.version))
    .limit(limit + 1);
  return rows.map((row) => ({ ...row, config: flowConfigSchema.safeParse(row.config) }));
}

export async function getFlowVersion(accountId: string, flowId: string, version: number) {
  const [row] = await getDb()
    .select({ version: flowVersions.version, name: flowVersions.name, config: flowVersions.config })
    .from(flowVersions)
    .innerJoin(flows, eq(flows.id, flowVersions.flowId))
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version), eq(flows.accountId, accountId)));
  return row ? { ...row, config: flowConfigSchema.parse(row.config) } : null;
}

// A lead's step-by-step outcomes, for "Test this flow"; only this account's leads.
export async function listLeadEventsForAccount(accountId: string, leadId: string) {
  return getDb()
    .select({ position: leadEvents.position, step: leadEvents.step, outcome: leadEvents.outcome, reason: leadEvents.reason })
    .from(leadEvents)
    .innerJoin(leads, eq(leads.id, leadEvents.leadId))
    .where(and(eq(leadEvents.leadId, leadId), eq(leads.accountId, accountId)))
    .orderBy(asc(leadEvents.position));
}
