// A flow's history as the history page shows it: each version with what changed since the one before.
import { diffFlows, type Change } from "./diff";
import { listFlowVersions } from "./queries";

export const HISTORY_LIMIT = 50;

export type FlowHistoryEntry = {
  version: number;
  name: string;
  createdAt: Date;
  savedBy: string | null;
  // null for the first version, or when either side can no longer be read by today's model.
  changes: Change[] | null;
};

export async function getFlowHistory(accountId: string, flowId: string): Promise<FlowHistoryEntry[]> {
  const rows = await listFlowVersions(accountId, flowId, HISTORY_LIMIT);
  return rows.slice(0, HISTORY_LIMIT).map((row, i) => {
    const previous = rows[i + 1];
    const before = previous?.config.success ? { name: previous.name, config: previous.config.data } : null;
    const after = row.config.success ? { name: row.name, config: row.config.data } : null;
    return {
      version: row.version,
      name: row.name,
      createdAt: row.createdAt,
      savedBy: row.savedBy,
      changes: before && after ? diffFlows(before, after) : null,
    };
  });
}
