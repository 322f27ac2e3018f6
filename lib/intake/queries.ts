import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDatabase, getDb } from "@/db";
import { accounts, flows, idempotencyKeys, sources } from "@/db/schema";
import type { Database } from "@/db/client";
import { runStatement } from "@/db/transaction";
import type { Deliver, ProcessedLead } from "@/lib/flow/flow-store";
import { createGroupCommitStore, createGroupSaver, type GroupSaver } from "@/lib/flow/group-commit";
import { createLeadStore } from "@/lib/flow/lead-store";
import { flowConfigSchema, outcomeSchema, sourceConfigSchema } from "@/lib/flow/model";
import { processLeads, savesLeadInOneStatement } from "@/lib/flow/process-leads";
import type { FlowContext, LeadInput } from "@/lib/flow/flow-context";
import { deliverOutsideTransaction, hasRecipientStep, withLeadDeliveries } from "@/lib/flow/steps/deliveries";
import { submitBodyOf } from "./render";

// What the lead API needs to know about a flow and source, read in one query.
export type SubmitTarget = {
  context: FlowContext;
  flowName: string;
  sourceName: string;
  sourceEnabled: boolean;
  requireApiKey: boolean;
  apiKeyHash: string;
};

export async function getSubmitTarget(flowId: string, sourceId: string): Promise<SubmitTarget | null> {
  const [row] = await getDb()
    .select({
      accountId: sources.accountId,
      timeZone: accounts.timeZone,
      flowName: flows.name,
      flowEnabled: flows.enabled,
      flowConfig: flows.config,
      sourceName: sources.name,
      sourceEnabled: sources.enabled,
      sourceConfig: sources.config,
      requireApiKey: sources.requireApiKey,
      apiKeyHash: sources.apiKeyHash,
    })
    .from(sources)
    .innerJoin(flows, and(eq(flows.id, sources.flowId), eq(flows.accountId, sources.accountId)))
    .innerJoin(accounts, eq(accounts.id, sources.accountId))
    .where(and(eq(sources.id, sourceId), eq(sources.flowId, flowId)))
    .limit(1);
  if (!row) return null;
  return {
    context: {
      accountId: row.accountId,
      timeZone: row.timeZone,
      flow: { id: flowId, enabled: row.flowEnabled, config: flowConfigSchema.parse(row.flowConfig) },
      source: { id: sourceId, config: sourceConfigSchema.parse(row.sourceConfig) },
    },
    flowName: row.flowName,
    sourceName: row.sourceName,
    sourceEnabled: row.sourceEnabled,
    requireApiKey: row.requireApiKey,
    apiKeyHash: row.apiKeyHash,
  };
}

// The reply kept for an Idempotency-Key, replayed to retries in whatever format they accept.
export const storedReplySchema = z.object({
  body: z.object({ outcome: outcomeSchema, reason: z.string().optional(), lead: z.object({ id: z.string() }), price: z.number() }),
  location: z.string().nullable(),
});
export type StoredReply = z.infer<typeof storedReplySchema>;
export type IdempotencyRef = { sourceId: string; key: string };

// One lead, one transaction: its dedupe claims, cap units, lead row, events and (with an
// Idempotency-Key) its stored reply commit together or not at all. When processLeads needs only one
// statement for the lead (see savesLeadInOneStatement), that statement is the transaction, shared
// with the other leads ready to save at the same moment (lib/flow/group-commit.ts).
export async function processLeadNow(
  ctx: FlowContext,
  input: LeadInput,
  options: { deliver: Deliver; idempotency?: IdempotencyRef & { location: string | null } },
): Promise<ProcessedLead> {
  if (!options.idempotency && savesLeadInOneStatement(ctx.flow.config, ctx.source.config)) {
    const store = createGroupCommitStore(groupSaverFor(getDatabase()));
    const deliver = deliverOutsideTransaction(getDatabase(), ctx.flow.config, options.deliver);
    const [lead] = await processLeads(ctx, [input], { store, deliver });
    return lead!;
  }
  // Deliveries to buyers go out between runs of the transaction, never inside it (lib/flow/steps/deliveries.ts).
  return withLeadDeliveries(getDatabase(), { config: ctx.flow.config, input, send: options.deliver }, async (tx, pinned, deliver) => {
    // A flow with a recipient step: the lead may hold its claims already (lib/flow/steps/holds.ts).
    const store = createLeadStore(tx, { holds: hasRecipientStep(ctx.flow.config) });
    const [lead] = await processLeads(ctx, [pinned], { store, deliver });
    const { idempotency } = options;
    if (idempotency) {
      const stored: StoredReply = { body: submitBodyOf(lead!), location: idempotency.location };
      await tx.query("update idempotency_keys set status = $3, response = $4 where source_id = $1 and key = $2", [
        idempotency.sourceId,
        idempotency.key,
        idempotency.location ? 303 : 201,
        JSON.stringify(stored),
      ]);
    }
    return lead!;
  });
}

// One group saver per database per process, so concurrent requests share its statements.
const groupSavers = new WeakMap<Database, GroupSaver>();
function groupSaverFor(database: Database): GroupSaver {
  let saver = groupSavers.get(database);
  if (!saver) {
    saver = createGroupSaver((text, params, options) => runStatement(database, text, params, options));
    groupSavers.set(database, saver);
  }
  return saver;
}

export type IdempotencyClaim = { state: "claimed" } | { state: "in_flight" } | { state: "done"; status: number; reply: StoredReply };

// A request that crashed mid-way holds its key this long before a retry may take it over; a stored
// reply is replayed for a day, after which the key may be used again.
const STALE_IN_FLIGHT = sql`now() - interval '5 minutes'`;
const EXPIRED = sql`now() - interval '24 hours'`;

// Insert first: of two requests with one key, exactly one inserts the row and processes the lead.
export async function claimIdempotencyKey({ sourceId, key }: IdempotencyRef): Promise<IdempotencyClaim> {
  const claimed = await getDb()
    .insert(idempotencyKeys)
    .values({ sourceId, key })
    .onConflictDoUpdate({
      target: [idempotencyKeys.sourceId, idempotencyKeys.key],
      set: { createdAt: sql`now()`, status: null, response: null },
      setWhere: sql`(${idempotencyKeys.status} is null and ${idempotencyKeys.createdAt} < ${STALE_IN_FLIGHT}) or ${idempotencyKeys.createdAt} < ${EXPIRED}`,
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return { state: "claimed" };
  const [row] = await getDb()
    .select({ status: idempotencyKeys.status, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.sourceId, sourceId), eq(idempotencyKeys.key, key)));
  if (!row || row.status === null) return { state: "in_flight" };
  return { state: "done", status: row.status, reply: storedReplySchema.parse(row.response) };
}

// After an unexpected error, so a retry can try again.
export async function releaseIdempotencyKey({ sourceId, key }: IdempotencyRef): Promise<void> {
  await getDb()
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.sourceId, sourceId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.status)));
}
