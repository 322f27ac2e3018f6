import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ImportsTable } from "@/app/_components/imports/imports-table";
import { buttonClass, EmptyState, PageHeader } from "@/app/_components/ui";
import { isId } from "@/lib/ids";
import { listImportViews } from "@/lib/imports/service";
import { wizardCaller } from "@/lib/imports/wizard-access";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Imports" };

const PAGE = 50;
const searchSchema = z.object({ before: z.string().refine(isId).optional().catch(undefined) });

// Every import of the account, newest first, a page at a time (keyset on the id, which sorts by time).
export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("read");
  const caller = (await wizardCaller({ kind: "holder" }))!;
  const { before } = searchSchema.parse(await searchParams);
  const imports = await listImportViews(caller.access, { limit: PAGE, before });
  const newButton = (
    <Link href="/imports/new" className={buttonClass("primary")}>
      Import leads
    </Link>
  );
  return (
    <>
      <PageHeader title="Imports" description="CSV batch imports into your flows, with a result for every row." actions={caller.mayChange && newButton} />
      {imports.length === 0 ? (
        <EmptyState title={before ? "No older imports" : "No imports yet"} action={caller.mayChange ? { href: "/imports/new", label: "Import a CSV file" } : undefined}>
          Sources can also import from their Submission Docs (&quot;Import Leads&quot;).
        </EmptyState>
      ) : (
        <ImportsTable caller={caller} imports={imports} showTarget />
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {before ? (
          <Link href="/imports" className="text-blue-800 underline">
            Back to the newest
          </Link>
        ) : (
          <span />
        )}
        {imports.length === PAGE && (
          <Link href={`/imports?before=${imports.at(-1)!.id}`} className="text-blue-800 underline">
            Older imports
          </Link>
        )}
      </nav>
    </>
  );
}
