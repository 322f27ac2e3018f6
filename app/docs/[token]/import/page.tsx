import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportsTable } from "@/app/_components/imports/imports-table";
import { UploadForm } from "@/app/_components/imports/upload-form";
import { WizardSteps } from "@/app/_components/imports/wizard-steps";
import { Card } from "@/app/_components/ui";
import { listImportViews } from "@/lib/imports/service";
import { wizardCaller } from "@/lib/imports/wizard-access";
import { ImportShell } from "../import-shell";

// The token is in the URL: keep it out of search engines and out of Referer headers to other sites.
export const metadata: Metadata = { title: "Import Leads", robots: { index: false, follow: false }, referrer: "no-referrer" };

// A source's import wizard, from its Submission Docs: the token fixes the flow and source, so the
// wizard starts at the upload. Below, the source's own imports, each linking to its page.
export default async function DocsImportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await wizardCaller({ kind: "docs", token });
  const docs = caller?.docs;
  if (!caller || !docs) notFound();
  const imports = await listImportViews(caller.access, { limit: 50 });
  return (
    <ImportShell token={token} flowName={docs.flowName} sourceName={docs.sourceName} accountName={docs.accountName} title="Import Leads">
      <WizardSteps current="upload" withTarget={false} />
      <div className="space-y-8">
        <Card id="upload" title="Upload a CSV file">
          <div className="mt-3">
            <UploadForm scope={caller.scope} target={{ flowId: docs.flowId, sourceId: docs.sourceId }} />
          </div>
        </Card>
        <section aria-labelledby="your-imports-title">
          <h2 id="your-imports-title" className="mb-3 text-lg font-semibold">
            Your imports
          </h2>
          {imports.length === 0 ? (
            <p className="text-sm text-slate-600">None yet. Each import you start is listed here with its results.</p>
          ) : (
            <ImportsTable caller={caller} imports={imports} showTarget={false} />
          )}
        </section>
      </div>
    </ImportShell>
  );
}
