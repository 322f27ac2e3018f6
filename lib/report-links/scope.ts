// What a shared link shows, fixed when it is created: the viewer can change the time frame only.
// "report": the account holder's report with its flows, sources, outcomes and field filter.
// "partner": what a buyer gives one source: its counts by reason and its imports.
import { z } from "zod";
import { fieldIdSchema, outcomeSchema } from "@/lib/flow/model";
import type { LeadFilter } from "@/lib/leads/filters";
import type { Bounds } from "@/lib/leads/time-range";
import { isId } from "@/lib/ids";
import { groupBySchema } from "@/lib/reports/report-params";

const idSchema = z.string().refine(isId, "Not an id");

export const reportScopeSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("report"),
      flowIds: z.array(idSchema).max(100).default([]),
      sourceIds: z.array(idSchema).max(100).default([]),
      outcomes: z.array(outcomeSchema).default([]),
      reasons: z.array(z.string().min(1).max(2000)).max(20).default([]),
      importIds: z.array(idSchema).max(100).default([]),
      batchOnly: z.boolean().default(false),
      fields: z.array(z.object({ field: fieldIdSchema, value: z.string().min(1).max(200) })).max(5).default([]),
      groupBy: groupBySchema.default("source"),
    })
    .refine((s) => s.flowIds.length + s.sourceIds.length > 0, "Choose at least one flow or source to share"),
  z.object({ kind: z.literal("partner"), sourceId: idSchema, showContacts: z.boolean().default(false) }),
]);
export type ReportScope = z.infer<typeof reportScopeSchema>;

export function scopeIds(scope: ReportScope) {
  return scope.kind === "partner"
    ? { flowIds: [], sourceIds: [scope.sourceId], importIds: [] }
    : { flowIds: scope.flowIds, sourceIds: scope.sourceIds, importIds: scope.importIds };
}

// The leads a shared link counts for the viewer's time frame: the scope and nothing else.
export function scopeFilter(scope: ReportScope, bounds: Bounds): LeadFilter {
  if (scope.kind === "partner") {
    return { bounds, flowIds: [], sourceIds: [scope.sourceId], importIds: [], outcomes: [], reasons: [], batchOnly: false, fields: [], search: null };
  }
  const { flowIds, sourceIds, importIds, outcomes, reasons, batchOnly, fields } = scope;
  return { bounds, flowIds, sourceIds, importIds, outcomes, reasons, batchOnly, fields, search: null };
}
