import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/app/_components/data-table";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { listFlowsByAccount } from "@/lib/flows/queries";
import { listSourcesByAccount } from "@/lib/sources/queries";
import { CreateSourceForm } from "./create-source-form";

export const metadata: Metadata = { title: "Sources" };

type SourceRow = Awaited<ReturnType<typeof listSourcesByAccount>>[number];

const columns: Array<Column<SourceRow>> = [
  {
    header: "Source",
    cell: (s) => (
      <Link href={`/sources/${s.id}`} className="font-medium text-blue-800 hover:underline">
        {s.name}
      </Link>
    ),
  },
  {
    header: "Flow",
    cell: (s) => (
      <Link href={`/flows/${s.flowId}`} className="text-blue-800 hover:underline">
        {s.flowName}
      </Link>
    ),
  },
  { header: "Status", cell: (s) => <StatusBadge on={s.enabled} /> },
  {
    header: "Imports",
    // The Leads view, batch leads of this source, newest first: its first row is the last imported lead.
    cell: (s) => (
      <Link href={`/leads?range=all&source=${s.id}&batch=1`} className="text-blue-800 hover:underline">
        Last imported lead<span className="sr-only"> from {s.name}</span>
      </Link>
    ),
  },
];

export default async function SourcesPage() {
  const holder = await requirePermission("read");
  const [sources, flows] = await Promise.all([listSourcesByAccount(holder.accountId), listFlowsByAccount(holder.accountId)]);
  return (
    <>
      <PageHeader title="Sources" description="The sellers that send leads to your flows." />
      {flows.length > 0 && can(holder.role, "sources:write") && (
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
        <DataTable columns={columns} rows={sources} rowKey={(s) => s.id} padding="roomy" className="rounded-lg border border-slate-200 bg-white" />
      )}
    </>
  );
}
