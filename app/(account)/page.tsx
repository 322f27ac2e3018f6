import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { listFlowsByAccount } from "@/lib/flows/queries";

export const metadata: Metadata = { title: "Dashboard" };

// The dashboard: the account's flows and where to go next.
export default async function DashboardPage() {
  const holder = await requirePermission("read");
  const flows = await listFlowsByAccount(holder.accountId);
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back to ${holder.accountName}.`} />
      {flows.length === 0 ? (
        <EmptyState title="No flows yet" action={can(holder.role, "flows:write") ? { href: "/flows/new", label: "New flow" } : undefined}>
          A flow is where sources send leads. Create one, add a source, and share its Submission Docs.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {flows.map((flow) => (
            <Card key={flow.id}>
              <div className="flex items-center justify-between">
                <h2 className="text-lg font-medium">
                  <Link href={`/flows/${flow.id}`} className="hover:underline">
                    {flow.name}
                  </Link>
                </h2>
                <StatusBadge on={flow.enabled} />
              </div>
              <p className="mt-2 text-sm text-slate-600">
                {flow.sourceCount} {flow.sourceCount === 1 ? "source" : "sources"} · version {flow.version}
              </p>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
