import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage() {
  await requireHolder();
  return (
    <>
      <PageHeader title="Leads" description="Every lead your flows received, with its outcome and reason." />
      <EmptyState title="No leads yet" action={{ href: "/flows", label: "Open a flow" }}>
        Leads appear here as sources post them or import them. Open a flow to find its posting URL.
      </EmptyState>
    </>
  );
}
