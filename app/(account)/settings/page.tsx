import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getImportWebhookUrl } from "@/lib/notifications/webhooks";
import { getAccountSettings } from "@/lib/settings/account-settings";
import { timeZoneOptions } from "@/lib/settings/time-zones";
import { AccountSettingsForm } from "./account-settings-form";
import { accountImportWebhookAction } from "./actions";
import { ImportWebhookForm } from "./import-webhook-form";

export const metadata: Metadata = { title: "Account settings" };

// Account settings. Owners and admins change them; editors and viewers see them read-only.
export default async function AccountSettingsPage() {
  const holder = await requirePermission("read");
  const settings = await getAccountSettings(holder.accountId);
  if (!settings) notFound();
  const mayWrite = can(holder.role, "settings:write");
  const webhookUrl = mayWrite ? await getImportWebhookUrl(holder.accountId, { type: "account" }) : null;
  return (
    <>
      <PageHeader title="Account settings" description="The account's name, and the time zone its reports and Leads view use." />
      <Card>
        {can(holder.role, "settings:write") ? (
          <AccountSettingsForm name={settings.name} timeZone={settings.timeZone} zones={timeZoneOptions(settings.timeZone)} />
        ) : (
          <>
            <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-2 text-sm">
              <dt className="font-medium text-slate-600">Account name</dt>
              <dd>{settings.name}</dd>
              <dt className="font-medium text-slate-600">Time zone</dt>
              <dd>{settings.timeZone.replaceAll("_", " ")}</dd>
            </dl>
            <p className="mt-4 text-sm text-slate-600">Only owners and admins change these.</p>
          </>
        )}
      </Card>
      <div className="mt-6">
        <Card id="import-webhook" title="When an import ends">
          <div className="mt-2">
            {mayWrite ? (
              <ImportWebhookForm
                action={accountImportWebhookAction}
                url={webhookUrl}
                hint="Gets a signed JSON event when any import in this account completes, fails or is cancelled. A source with its own webhook URL uses that instead."
              />
            ) : (
              <p className="text-sm text-slate-600">Owners and admins can set a URL that is told when an import ends.</p>
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
