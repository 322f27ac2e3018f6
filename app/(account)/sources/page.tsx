import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";
import { listFlowsByAccount } from "@/lib/flows/queries";
import { listSourcesByAccount } from "@/lib/sources/queries";
import { CreateSourceForm } from "./create-source-form";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const holder = await requireHolder();
  const [sources, flows] = await Promise.all([listSourcesByAccount(holder.accountId), listFlowsByAccount(holder.accountId)]);
  return (
    <>
      <PageHeader title="Sources" description="The sellers that send leads to your flows." />
      {flows.length > 0 && (
        <Card id="add-source" title="Add a source" className="mb-6">
          <div className="mt-3">
            <CreateSourceForm flows={flows.map((f) => ({ id: f.id, name: f.name }))} />
          </div>
        </Card>
      )}
      {sources.length === 0 ? (
        <EmptyState title="No sources yet" action={{ href: "/flows", label: "Open a flow" }}>
          Sources belong to a flow. Open a flow and add a source to get its posting URL and Submission Docs.
        </EmptyState>
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-4 py-2">Source</th>
              <th scope="col" className="px-4 py-2">Flow</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Imports</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className="border-t border-slate-200">
                <td className="px-4 py-2">
                  <Link href={`/sources/${s.id}`} className="font-medium text-blue-800 hover:underline">
                    {s.name}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <Link href={`/flows/${s.flowId}`} className="text-blue-800 hover:underline">
                    {s.flowName}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <StatusBadge on={s.enabled} />
                </td>
                <td className="px-4 py-2">
                  {/* The Leads view, batch leads of this source, newest first: its first row is the last imported lead. */}
                  <Link href={`/leads?range=all&source=${s.id}&batch=1`} className="text-blue-800 hover:underline">
                    Last imported lead<span className="sr-only"> from {s.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
