import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { accounts, flows, sources } from "@/db/schema";
import { recordAudit, type AuditActor, type AuditAction } from "@/lib/audit/record";
import { flowConfigSchema, sourceConfigSchema, type SourceConfig } from "@/lib/flow/model";

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

// A source of this account with its flow's name and fields (its criteria read them); null otherwise.
export async function getSourceForAccount(accountId: string, sourceId: string) {
  const [row] = await getDb()
    .select({
      id: sources.id,
      name: sources.name,
      enabled: sources.enabled,
      contact: sources.contact,
      config: sources.config,
      requireApiKey: sources.requireApiKey,
      docsTokenNonce: sources.docsTokenNonce,
      flowId: flows.id,
      flowName: flows.name,
      flowEnabled: flows.enabled,
      flowConfig: flows.config,
    })
    .from(sources)
    .innerJoin(flows, eq(flows.id, sources.flowId))
    .where(and(eq(sources.id, sourceId), eq(sources.accountId, accountId)));
  if (!row) return null;
  const { flowConfig, ...source } = row;
  return { ...source, config: sourceConfigSchema.parse(row.config), flowFields: flowConfigSchema.parse(flowConfig).fields };
}

// Inserts only into a flow of the same account; null when the flow is not theirs.
export async function insertSource(values: {
  id: string;
  accountId: string;
  flowId: string;
  name: string;
  contact: string;
  apiKeyHash: string;
  docsTokenNonce: string;
  docsTokenHash: string;
  actor: AuditActor;
}): Promise<string | null> {
  const { actor, ...row } = values;
  return getDb().transaction(async (tx) => {
    const [flow] = await tx
      .select({ id: flows.id, name: flows.name })
      .from(flows)
      .where(and(eq(flows.id, row.flowId), eq(flows.accountId, row.accountId)));
    if (!flow) return null;
    const config: SourceConfig = { acceptance: [], pricing: { mode: "rules", rules: [] }, caps: [] };
    await tx.insert(sources).values({ ...row, config });
    await recordAudit(tx, { accountId: row.accountId, actor, action: "source.created", target: { type: "source", id: row.id, label: row.name }, details: { flowId: flow.id, flowName: flow.name } });
    return row.id;
  });
}

type SourceChanges = Partial<{
  name: string;
  contact: string;
  enabled: boolean;
  requireApiKey: boolean;
  config: SourceConfig;
  apiKeyHash: string;
  docsTokenNonce: string;
  docsTokenHash: string;
}>;

export type SourceAudit = { actor: AuditActor; action: AuditAction | ((before: { enabled: boolean }) => AuditAction | null) };

/**
 * Every change to a source goes through here, scoped to the account; false when it is not theirs.
 * With `audit`, the entry commits with the change; its action may depend on the row before the
 * change (enabled -> disabled), or be null for a change not worth recording.
 */
export async function updateSource(accountId: string, sourceId: string, changes: SourceChanges, audit?: SourceAudit): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const where = and(eq(sources.id, sourceId), eq(sources.accountId, accountId));
    const [before] = await tx.select({ enabled: sources.enabled }).from(sources).where(where).for("update");
    if (!before) return false;
    const [row] = await tx
      .update(sources)
      .set({ ...changes, updatedAt: new Date() })
      .where(where)
      .returning({ name: sources.name });
    const action = typeof audit?.action === "function" ? audit.action(before) : audit?.action;
    if (audit && action) await recordAudit(tx, { accountId, actor: audit.actor, action, target: { type: "source", id: sourceId, label: row?.name } });
    return true;
  });
}

// The docs page's lookup: by the token's SHA-256 (unique index), with what the page shows.
export async function findSourceByDocsTokenHash(tokenHash: string) {
  const [row] = await getDb()
    .select({
      sourceId: sources.id,
      sourceName: sources.name,
      sourceEnabled: sources.enabled,
      contact: sources.contact,
      requireApiKey: sources.requireApiKey,
      docsTokenNonce: sources.docsTokenNonce,
      flowId: flows.id,
      flowName: flows.name,
      flowEnabled: flows.enabled,
      accountId: accounts.id,
      accountName: accounts.name,
    })
    .from(sources)
    .innerJoin(flows, eq(flows.id, sources.flowId))
    .innerJoin(accounts, eq(accounts.id, sources.accountId))
    .where(eq(sources.docsTokenHash, tokenHash));
  return row ?? null;
}
