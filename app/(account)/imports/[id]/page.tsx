import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportPageBody, type ImportSearchParams } from "@/app/_components/imports/import-page";
import { PageHeader } from "@/app/_components/ui";
import { requirePermission } from "@/lib/auth/session";
import { isId } from "@/lib/ids";
import { wizardCaller } from "@/lib/imports/wizard-access";

export const metadata: Metadata = { title: "Import" };

// An account holder's import: the wizard step it is at, its live progress, or its summary.
export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<ImportSearchParams> }) {
  await requirePermission("read");
  const { id } = await params;
  if (!isId(id)) notFound();
  const caller = (await wizardCaller({ kind: "holder" }))!;
  return (
    <>
      <PageHeader
        title="Import"
        actions={
          <Link href="/imports" className="text-sm text-blue-800 underline">
            All imports
          </Link>
        }
      />
      <ImportPageBody caller={caller} id={id} searchParams={await searchParams} />
    </>
  );
}
