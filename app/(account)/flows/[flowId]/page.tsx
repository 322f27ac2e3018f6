import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { editorOptions } from "@/lib/flows/editor-options";
import { getFlowForAccount } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { FlowEditor } from "./flow-editor";

export const metadata: Metadata = { title: "Flow editor" };

// The flow editor. Another account's id is a 404.
export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const holder = await requirePermission("read");
  const flow = isId(flowId) ? await getFlowForAccount(holder.accountId, flowId) : null;
  if (!flow) notFound();
  return <FlowEditor flowId={flow.id} version={flow.version} name={flow.name} config={flow.config} options={editorOptions()} readOnly={!can(holder.role, "flows:write")} />;
}
