// A report is the Leads view's filters plus what to group the counts by.
import { z } from "zod";
import { leadParamsSchema, withoutNul, type SearchParams } from "@/lib/leads/filters";

export const GROUP_BYS = ["flow", "source", "outcome", "reason", "import", "day"] as const;
export const groupBySchema = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof groupBySchema>;

export const GROUP_LABELS: Record<GroupBy, string> = {
  flow: "Flow",
  source: "Source",
  outcome: "Outcome",
  reason: "Reason",
  import: "Import",
  day: "Day",
};

export const reportParamsSchema = leadParamsSchema.extend({
  group: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, groupBySchema.default("source")),
});
export type ReportParams = z.infer<typeof reportParamsSchema>;

export function parseReportParams(searchParams: SearchParams): ReportParams | null {
  const parsed = reportParamsSchema.safeParse(withoutNul(searchParams));
  return parsed.success ? parsed.data : null;
}
