import type { Metadata } from "next";
import { z } from "zod";
import { NewImportForm } from "@/app/_components/imports/new-import-form";
import { WizardSteps } from "@/app/_components/imports/wizard-steps";
import { EmptyState, PageHeader } from "@/app/_components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isId } from "@/lib/ids";
import { listSourcesByAccount } from "@/lib/sources/queries";

export const metadata: Metadata = { title: "Import leads" };

// ?flow=&source= (from the Leads view) picks the target; anything else is ignored, not an error.
const searchSchema = z.object({
  source: z.string().refine(isId).optional().catch(undefined),
});

// Steps 1 and 2 for account holders: choose the flow and source, upload the file.
export default async function NewImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const holder = await requirePermission("imports:write");
  const { source } = searchSchema.parse(await searchParams);
  const sources = await listSourcesByAccount(holder.accountId);
  return (
    <>
      <PageHeader title="Import leads" description="A CSV file into a flow: upload, map its columns, validate, import. Every row gets a result." />
      <WizardSteps current="target" withTarget />
      {sources.length === 0 ? (
        <EmptyState title="No sources yet" action={{ href: "/flows", label: "Open a flow" }}>
          Leads are imported into a flow as one of its sources. Add a source to a flow first.
        </EmptyState>
      ) : (
        <NewImportForm sources={sources} initialSourceId={sources.some((s) => s.id === source) ? source! : null} />
      )}
    </>
  );
}
