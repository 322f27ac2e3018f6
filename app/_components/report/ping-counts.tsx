// The report's pings, one line apart from the lead counts: a ping is a price request, not a lead.
import { formatCount } from "@/lib/leads/format";
import type { PingCounts } from "@/lib/reports/ping-counts";

export function PingCountsLine({ pings }: { pings: PingCounts | null | undefined }) {
  if (!pings) return null;
  return (
    <p className="mt-4 text-sm text-slate-700" data-testid="ping-counts">
      <span className="font-medium">Pings (price requests, not leads):</span> {formatCount(pings.total)} — {formatCount(pings.success)} success,{" "}
      {formatCount(pings.failure)} failure (no bid included), {formatCount(pings.error)} error.
    </p>
  );
}
