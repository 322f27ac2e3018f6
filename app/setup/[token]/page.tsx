import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountCard, AccountIntro } from "@/app/_components/account-card";
import { NEW_PASSWORD_FIELDS } from "@/app/_components/account-fields";
import { AccountForm } from "@/app/_components/account-form";
import { getLinkDetails } from "@/lib/accounts/link-details";
import { setupAction } from "./actions";

// The token is the credential: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Set up your account", robots: { index: false, follow: false }, referrer: "no-referrer" };

// The owner made by `npm run account:create` chooses a password here and is signed in.
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getLinkDetails("setup", token);
  if (!link) notFound();
  return (
    <AccountCard title="Set up your account">
      <AccountIntro>
        Choose a password for <strong className="text-slate-800">{link.email}</strong>, owner of{" "}
        <strong className="text-slate-800">{link.accountName}</strong>.
      </AccountIntro>
      <AccountForm action={setupAction.bind(null, token)} fields={NEW_PASSWORD_FIELDS} submitLabel="Save password and sign in" pendingLabel="Saving…" />
    </AccountCard>
  );
}
