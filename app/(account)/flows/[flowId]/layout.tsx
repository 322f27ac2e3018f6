import { notFound } from "next/navigation";
import { TabLink } from "@/app/_components/nav-link";
import { buttonClass, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getFlowForAccount } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { setFlowEnabledAction } from "./actions";

// Every page of one flow: its name, status and tabs. Another account's flow id is a 404 here already.
export default async function FlowLayout({ children, params }: { children: React.ReactNode; params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const holder = await requirePermission("read");
  const mayChange = can(holder.role, "flows:write");
  const flow = isId(flowId) ? await getFlowForAccount(holder.accountId, flowId) : null;
  if (!flow) notFound();
  const base = `/flows/${flow.id}`;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">Flow</p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            {flow.name} <StatusBadge on={flow.enabled} />
          </h1>
          <p className="mt-1 text-xs text-slate-600">
            <code>{flow.id}</code> · version {flow.version} · saved {flow.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
          </p>
        </div>
        {mayChange && (
          <form action={setFlowEnabledAction}>
            <input type="hidden" name="flowId" value={flow.id} />
            <input type="hidden" name="enabled" value={flow.enabled ? "false" : "true"} />
            <button type="submit" className={buttonClass(flow.enabled ? "danger" : "primary")}>
              {flow.enabled ? "Disable flow" : "Enable flow"}
            </button>
          </form>
        )}
      </div>
      <nav aria-label="Flow" className="mb-6 flex gap-1 border-b border-slate-200">
        <TabLink href={base}>Editor</TabLink>
        <TabLink href={`${base}/sources`}>Sources</TabLink>
        {mayChange && <TabLink href={`${base}/test`}>Test this flow</TabLink>}
        <TabLink href={`${base}/history`}>History</TabLink>
      </nav>
      {children}
    </>
  );
}
