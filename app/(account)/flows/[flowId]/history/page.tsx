import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import type { Change } from "@/lib/flows/diff";
import { getFlowHistory, HISTORY_LIMIT } from "@/lib/flows/history";
import { isId } from "@/lib/ids";
import { RevertButton } from "./revert-button";

export const metadata: Metadata = { title: "Flow history" };

// The sign is decoration: each change's text starts with what happened.
const MARK: Record<Change["kind"], { sign: string; style: string }> = {
  added: { sign: "+", style: "bg-green-100 text-green-900" },
  removed: { sign: "−", style: "bg-red-100 text-red-900" },
  changed: { sign: "~", style: "bg-amber-100 text-amber-900" },
};

// Every saved version of a flow with what changed since the one before, and a way back to any of them.
export default async function FlowHistoryPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const holder = await requirePermission("read");
  const history = isId(flowId) ? await getFlowHistory(holder.accountId, flowId) : [];
  if (history.length === 0) notFound();
  const current = history[0]!.version;
  return (
    <Card id="history" title="History">
      <p className="mb-4 mt-1 text-sm text-slate-600">
        Every save is a version. Restoring an old version saves it again as the newest, so nothing is lost.
        {history.length === HISTORY_LIMIT && ` The ${HISTORY_LIMIT} latest versions are shown.`}
      </p>
      <ol className="space-y-4">
        {history.map((entry) => (
          <li key={entry.version} className="rounded-md border border-slate-200 p-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h3 className="font-semibold">
                Version {entry.version}
                {entry.version === current && <span className="ml-2 rounded-full bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900">current</span>}
              </h3>
              <p className="text-xs text-slate-600">
                {entry.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC{entry.savedBy ? ` by ${entry.savedBy}` : ""}
              </p>
            </div>
            <Changes entry={entry} />
            {entry.version !== current && can(holder.role, "flows:write") && (
              <div className="mt-3">
                <RevertButton flowId={flowId} version={entry.version} currentVersion={current} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function Changes({ entry }: { entry: { version: number; changes: Change[] | null } }) {
  if (entry.changes === null) {
    return <p className="mt-2 text-sm text-slate-600">{entry.version === 1 ? "Flow created." : "Changes not shown for this version."}</p>;
  }
  if (entry.changes.length === 0) return <p className="mt-2 text-sm text-slate-600">Saved without changes.</p>;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {entry.changes.map((change, i) => (
        <li key={i} className="flex gap-2">
          <span className={`h-5 w-5 shrink-0 rounded text-center font-mono text-xs leading-5 ${MARK[change.kind].style}`} aria-hidden="true">
            {MARK[change.kind].sign}
          </span>
          <span>
            <span className="font-medium text-slate-600">{change.section}:</span> {change.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
