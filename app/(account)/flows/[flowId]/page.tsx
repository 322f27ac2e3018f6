import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader, StatusBadge } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";
import { isId } from "@/lib/ids";
import { getFlowForAccount } from "@/lib/flows/queries";
import { docsUrlFor } from "@/lib/sources/links";
import { listSourcesByFlow } from "@/lib/sources/queries";

export const metadata: Metadata = { title: "Flow" };

// One flow: its fields, acceptance criteria, steps and sources. Another account's id is a 404.
export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const holder = await requireHolder();
  const flow = isId(flowId) ? await getFlowForAccount(holder.accountId, flowId) : null;
  if (!flow) notFound();
  const sources = await listSourcesByFlow(holder.accountId, flow.id);
  return (
    <>
      <PageHeader title={flow.name} description={`Flow ${flow.id} · version ${flow.version}`} actions={<StatusBadge on={flow.enabled} />} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-medium">Fields</h2>
          <ul className="space-y-1 text-sm">
            {flow.config.fields.map((f) => (
              <li key={f.id}>
                <span className="font-medium">{f.label}</span> <code className="text-slate-600">{f.id}</code>{" "}
                <span className="text-slate-500">({f.type})</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-medium">Sources</h2>
          {sources.length === 0 ? (
            <p className="text-sm text-slate-600">No sources yet: add one so a seller can send leads.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {sources.map((s) => (
                <li key={s.id}>
                  <div className="flex items-center gap-2">
                    <span className="font-medium">{s.name}</span> <StatusBadge on={s.enabled} />
                  </div>
                  <code className="text-xs text-slate-600">{s.id}</code>
                  <div>
                    <a href={docsUrlFor(s)} className="text-blue-800 hover:underline">
                      Submission Docs for {s.name}
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-medium">Acceptance criteria</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {flow.config.acceptance.map((c) => (
              <li key={c.id}>{c.reason}</li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-medium">Steps</h2>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {flow.config.steps.map((s) => (
              <li key={s.id}>
                {s.name || s.type} <span className="text-slate-500">({s.type})</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
