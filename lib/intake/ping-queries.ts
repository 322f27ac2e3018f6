import "server-only";
import { getDatabase } from "@/db";
import { withTransaction } from "@/db/transaction";
import { checkOnlyStore } from "@/lib/flow/check-store";
import { createCheckReads, createLeadStore } from "@/lib/flow/lead-store";
import { pingLead, type PingResult } from "@/lib/flow/ping-lead";
import type { FlowContext } from "@/lib/flow/flow-context";
import type { LeadData } from "@/lib/flow/normalize";
import { wallDateKey } from "@/lib/leads/time-range";

// The ping's count for reports (ping_daily_counts) commits with its ping-limit units, or neither.
const countPing = `insert into ping_daily_counts (account_id, day, flow_id, source_id, outcome, count)
  values ($1, $2, $3, $4, $5, 1)
  on conflict (account_id, day, flow_id, source_id, outcome) do update set count = ping_daily_counts.count + 1`;

export async function pingNow(ctx: FlowContext, data: LeadData): Promise<PingResult> {
  const now = new Date();
  return withTransaction(getDatabase(), async (tx) => {
    const result = await pingLead(ctx, data, { checks: checkOnlyStore(createCheckReads(tx.query)), limits: createLeadStore(tx), now: () => now });
    // A ping without a price is answered failure ("no bid"), and counted so.
    const outcome = result.price > 0 ? result.outcome : "failure";
    await tx.query(countPing, [ctx.accountId, wallDateKey(now, ctx.timeZone), ctx.flow.id, ctx.source.id, outcome], { name: "ping-count" });
    return result;
  });
}
