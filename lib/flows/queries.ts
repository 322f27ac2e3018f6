import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders, flows, flowVersions, leads, sources } from "@/db/schema";
import { timelineOf } from "@/lib/flow/lead-events";
import { leadOfAccount } from "@/lib/leads/by-id";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
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

// A new flow is version 1, and version 1 is in its history like every later save. The audit entry
// commits with it.
export async function insertFlow(values: { accountId: string; name: string; config: FlowConfig; actor: AuditActor }) {
  const id = newId();
  await getDb().transaction(async (tx) => {
    await tx.insert(flows).values({ id, accountId: values.accountId, name: values.name, config: values.config });
    await tx.insert(flowVersions).values({ flowId: id, version: 1, name: values.name, config: values.config, savedBy: values.actor.id });
    await recordAudit(tx, { accountId: values.accountId, actor: values.actor, action: "flow.created", target: { type: "flow", id, label: values.name } });
  });
  return id;
}

export type SaveVersionResult = { status: "ok"; version: number } | { status: "not_found" } | { status: "conflict"; version: number };

// Saves only over the version the editor started from, so two people saving at once cannot silently
// overwrite each other; the flow row, its history row and the audit entry commit together or not at all.
export async function saveFlowVersion(values: {
  accountId: string;
  flowId: string;
  expectedVersion: number;
  name: string;
  config: FlowConfig;
  actor: AuditActor;
  /** A revert is audited as one, with the version it restored. */
  revertedTo?: number;
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
      savedBy: values.actor.id,
    });
    await recordAudit(tx, {
      accountId: values.accountId,
      actor: values.actor,
      action: values.revertedTo === undefined ? "flow.saved" : "flow.reverted",
      target: { type: "flow", id: values.flowId, label: values.name },
      details: values.revertedTo === undefined ? { version: saved.version } : { version: saved.version, restored: values.revertedTo },
    });
    return { status: "ok", version: saved.version };
  });
}

// Audited only when it changes something: pressing Disable on a disabled flow records nothing.
export async function setFlowEnabled(accountId: string, flowId: string, enabled: boolean, actor: AuditActor): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ enabled: flows.enabled })
      .from(flows)
      .where(and(eq(flows.id, flowId), eq(flows.accountId, accountId)))
      .for("update");
    if (!before) return false;
    const [row] = await tx
      .update(flows)
      .set({ enabled, updatedAt: new Date() })
      .where(and(eq(flows.id, flowId), eq(flows.accountId, accountId)))
      .returning({ name: flows.name });
    if (before.enabled !== enabled) {
      await recordAudit(tx, { accountId, actor, action: enabled ? "flow.enabled" : "flow.disabled", target: { type: "flow", id: flowId, label: row?.name } });
    }
    return true;
  });
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
  const [row] = await getDb()
    .select({ events: leads.events, submittedAt: leads.submittedAt })
    .from(leads)
    .where(and(eq(leads.id, leadId), leadOfAccount(accountId)));
  return row ? timelineOf(row.events, row.submittedAt).map(({ position, step, outcome, reason }) => ({ position, step, outcome, reason })) : [];
}
