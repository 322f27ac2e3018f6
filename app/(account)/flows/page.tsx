import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/app/_components/data-table";
import { buttonClass, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { listFlowsByAccount } from "@/lib/flows/queries";

export const metadata: Metadata = { title: "Flows" };

type FlowRow = Awaited<ReturnType<typeof listFlowsByAccount>>[number];

const columns: Array<Column<FlowRow>> = [
  {
    header: "Name",
    cell: (flow) => (
      <Link href={`/flows/${flow.id}`} className="font-medium text-blue-800 hover:underline">
        {flow.name}
      </Link>
    ),
  },
  { header: "Sources", cell: (flow) => flow.sourceCount },
  { header: "Version", cell: (flow) => flow.version },
  { header: "Status", cell: (flow) => <StatusBadge on={flow.enabled} /> },
];

export default async function FlowsPage() {
  const holder = await requirePermission("read");
  const mayCreate = can(holder.role, "flows:write");
  const flows = await listFlowsByAccount(holder.accountId);
  return (
    <>
      <PageHeader
        title="Flows"
        description="Each flow says what a lead must look like and what happens to it."
        actions={
          mayCreate && (
            <Link href="/flows/new" className={buttonClass("primary")}>
              New flow
            </Link>
          )
        }
      />
      {flows.length === 0 ? (
        <EmptyState title="No flows yet" action={mayCreate ? { href: "/flows/new", label: "New flow" } : undefined}>
          A flow is where sources send leads. Create one, add a source, and share its Submission Docs.
        </EmptyState>
      ) : (
        <DataTable columns={columns} rows={flows} rowKey={(flow) => flow.id} padding="roomy" className="overflow-hidden rounded-lg border border-slate-200 bg-white" />
      )}
    </>
  );
}
