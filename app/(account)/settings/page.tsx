import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/app/_components/ui";
import { can } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { getAccountSettings } from "@/lib/settings/account-settings";
import { timeZoneOptions } from "@/lib/settings/time-zones";
import { AccountSettingsForm } from "./account-settings-form";

export const metadata: Metadata = { title: "Account settings" };

// Account settings. Owners and admins change them; editors and viewers see them read-only.
export default async function AccountSettingsPage() {
  const holder = await requirePermission("read");
  const settings = await getAccountSettings(holder.accountId);
  if (!settings) notFound();
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
    </>
  );
}
