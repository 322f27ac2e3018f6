import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";
import { listFlowsByAccount } from "@/lib/flows/queries";

export const metadata: Metadata = { title: "Flows" };

export default async function FlowsPage() {
  const holder = await requireHolder();
  const flows = await listFlowsByAccount(holder.accountId);
  return (
    <>
      <PageHeader
        title="Flows"
        description="Each flow says what a lead must look like and what happens to it."
        actions={
          <Link href="/flows/new" className={buttonClass("primary")}>
            New flow
          </Link>
        }
      />
      {flows.length === 0 ? (
        <EmptyState title="No flows yet" action={{ href: "/flows/new", label: "New flow" }}>
          A flow is where sources send leads. Create one, add a source, and share its Submission Docs.
        </EmptyState>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Sources</th>
              <th scope="col" className="px-4 py-2">Version</th>
              <th scope="col" className="px-4 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id} className="border-t border-slate-200">
                <td className="px-4 py-2">
                  <Link href={`/flows/${flow.id}`} className="font-medium text-blue-800 hover:underline">
                    {flow.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{flow.sourceCount}</td>
                <td className="px-4 py-2">{flow.version}</td>
                <td className="px-4 py-2">
                  <StatusBadge on={flow.enabled} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
