import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requireHolder();
  return (
    <>
      <PageHeader title="Reports" description="Counts of submitted, successful, failed and errored leads." />
      <EmptyState title="Nothing to report yet" action={{ href: "/flows", label: "Open a flow" }}>
        Reports count leads by flow, source, outcome and reason once leads arrive.
      </EmptyState>
    </>
  );
}
