import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportPageBody, type ImportSearchParams } from "@/app/_components/imports/import-page";
import { isId } from "@/lib/ids";
import { wizardCaller } from "@/lib/imports/wizard-access";
import { ImportShell } from "../../import-shell";

export const metadata: Metadata = { title: "Import", robots: { index: false, follow: false }, referrer: "no-referrer" };

// A source's import, reached with its docs token: another source's import is the same 404 as a bad link.
export default async function DocsImportStatusPage({ params, searchParams }: { params: Promise<{ token: string; id: string }>; searchParams: Promise<ImportSearchParams> }) {
  const { token, id } = await params;
  if (!isId(id)) notFound();
  const caller = await wizardCaller({ kind: "docs", token });
  const docs = caller?.docs;
  if (!caller || !docs) notFound();
  return (
    <ImportShell token={token} flowName={docs.flowName} sourceName={docs.sourceName} accountName={docs.accountName} title="Import">
      <ImportPageBody caller={caller} id={id} searchParams={await searchParams} />
    </ImportShell>
  );
}
