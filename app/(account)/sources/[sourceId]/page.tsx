import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton } from "@/app/_components/copy-button";
import { Card, PageHeader, StatusBadge } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { editorOptions } from "@/lib/flows/editor-options";
import { isId } from "@/lib/ids";
import { getImportWebhookUrl } from "@/lib/notifications/webhooks";
import { submitUrlFor } from "@/lib/sources/links";
import { getSourcePage } from "@/lib/sources/source-view";
import { ImportWebhookForm } from "../../settings/import-webhook-form";
import { sourceImportWebhookAction } from "./actions";
import { ApiKeyPanel, DocsLinkPanel } from "./credentials";
import { ReplyFormatForm } from "./reply-format-form";
import { SourceConfigEditor } from "./source-config-editor";
import { SourceSettingsForm } from "./source-settings-form";

export const metadata: Metadata = { title: "Source" };

const ASK_FOR_SECRETS = "Your role does not show API keys or Submission Docs links. Ask an editor for the docs link.";

// One source: settings, credentials, its Submission Docs link, and its own criteria and pricing. A
// viewer sees the settings and rules read-only, and no credentials (getSourcePage leaves the link out).
export default async function SourcePage({ params }: { params: Promise<{ sourceId: string }> }) {
  const { sourceId } = await params;
  const holder = await requirePermission("read");
  const source = isId(sourceId) ? await getSourcePage(holder, sourceId) : null;
  if (!source) notFound();
  const readOnly = !can(holder.role, "sources:write");
  const submitUrl = submitUrlFor(source);
  const webhookUrl = readOnly ? null : await getImportWebhookUrl(holder.accountId, { type: "source", sourceId: source.id });
  return (
    <>
      <PageHeader
        title={source.name}
        description={`Source ${source.id}`}
        actions={
          <>
            <StatusBadge on={source.enabled} />
            {!source.flowEnabled && <StatusBadge on={false} offLabel="Flow disabled" />}
          </>
        }
      />
      <p className="-mt-4 mb-6 text-sm text-slate-600">
        Sends leads to{" "}
        <Link href={`/flows/${source.flowId}`} className="font-medium text-blue-800 hover:underline">
          {source.flowName}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="docs-link" title="Submission Docs" className="lg:col-span-2">
          <div className="mt-2">
            {source.docsUrl && !readOnly ? <DocsLinkPanel sourceId={source.id} docsUrl={source.docsUrl} /> : <p className="text-sm text-slate-600">{ASK_FOR_SECRETS}</p>}
          </div>
        </Card>
        <Card id="settings" title="Settings">
          <div className="mt-3">
            <SourceSettingsForm sourceId={source.id} name={source.name} contact={source.contact} enabled={source.enabled} requireApiKey={source.requireApiKey} readOnly={readOnly} />
          </div>
        </Card>
        <div className="space-y-6">
          <Card id="posting" title="Posting URL">
            <p className="mb-2 mt-1 text-sm text-slate-600">Where the source sends each lead (form POST, JSON, XML or GET).</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs">{submitUrl}</code>
              <CopyButton text={submitUrl} label="Copy the posting URL" />
            </div>
            <div className="mt-4">
              <ReplyFormatForm sourceId={source.id} replyFormat={source.config.replyFormat ?? "standard"} readOnly={readOnly} />
            </div>
          </Card>
          <Card id="api-key" title="API key">
            <div className="mt-1">
              {readOnly ? <p className="text-sm text-slate-600">{ASK_FOR_SECRETS}</p> : <ApiKeyPanel sourceId={source.id} />}
            </div>
          </Card>
          <Card id="import-webhook" title="When an import ends">
            <div className="mt-1">
              {readOnly ? (
                <p className="text-sm text-slate-600">Editors can set a URL that is told when this source&apos;s imports end.</p>
              ) : (
                <ImportWebhookForm
                  action={sourceImportWebhookAction}
                  url={webhookUrl}
                  fields={{ sourceId: source.id }}
                  hint="Gets a signed JSON event when one of this source's imports completes, fails or is cancelled, instead of the account's webhook (Settings)."
                />
              )}
            </div>
          </Card>
        </div>
        <Card id="source-rules" title="Criteria, pricing and caps for this source" className="lg:col-span-2">
          <div className="mt-3">
            <SourceConfigEditor sourceId={source.id} config={source.config} flowFields={source.flowFields} options={editorOptions()} readOnly={readOnly} />
          </div>
        </Card>
      </div>
    </>
  );
}
