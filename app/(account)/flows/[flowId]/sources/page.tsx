import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton } from "@/app/_components/copy-button";
import { Card, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getFlowForAccount } from "@/lib/flows/queries";
import { isId } from "@/lib/ids";
import { listFlowSourcesPage } from "@/lib/sources/source-view";
import { CreateSourceForm } from "../../../sources/create-source-form";

export const metadata: Metadata = { title: "Flow sources" };

// The sources of one flow: each one's Submission Docs link to share, and a form to add another. A
// viewer gets neither (listFlowSourcesPage leaves the links out).
export default async function FlowSourcesPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const holder = await requirePermission("read");
  const flow = isId(flowId) ? await getFlowForAccount(holder.accountId, flowId) : null;
  if (!flow) notFound();
  const sources = await listFlowSourcesPage(holder, flow.id);
  return (
    <div className="space-y-6">
      {can(holder.role, "sources:write") && (
        <Card id="add-source" title="Add a source">
          <p className="mb-3 mt-0.5 text-sm text-slate-600">A source is a seller that sends leads to this flow. It gets an API key and its own Submission Docs page.</p>
          <CreateSourceForm flows={[{ id: flow.id, name: flow.name }]} flowId={flow.id} />
        </Card>
      )}
      <Card id="sources" title="Sources">
        {sources.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No sources yet{can(holder.role, "sources:write") ? ": add one above so a seller can send leads" : ""}.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {sources.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 py-3">
                <Link href={`/sources/${s.id}`} className="font-medium text-blue-800 hover:underline">
                  {s.name}
                </Link>
                <StatusBadge on={s.enabled} />
                <code className="text-xs text-slate-600">{s.id}</code>
                {s.docsUrl ? (
                  <span className="ml-auto flex items-center gap-2">
                    <a href={s.docsUrl} target="_blank" rel="noreferrer" className="text-sm text-blue-800 hover:underline">
                      Submission Docs<span className="sr-only"> for {s.name} (opens in a new tab)</span>
                    </a>
                    <CopyButton text={s.docsUrl} label={`Copy link: Submission Docs of ${s.name}`}>
                      Copy link
                    </CopyButton>
                  </span>
                ) : (
                  <span className="ml-auto text-sm text-slate-600">Ask an editor for the docs link.</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
