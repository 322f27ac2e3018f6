import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/app/_components/ui";
import { requireHolder } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  await requireHolder();
  return (
    <>
      <PageHeader title="Imports" description="CSV batch imports into your flows, with a result for every row." />
      <EmptyState title="No imports yet" action={{ href: "/sources", label: "See your sources" }}>
        Imports start from a source&apos;s Submission Docs (&quot;Import Leads&quot;) or from the Leads view.
      </EmptyState>
    </>
  );
}
