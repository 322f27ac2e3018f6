import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountCard, AccountIntro } from "@/app/_components/account-card";
import { NEW_PASSWORD_FIELDS } from "@/app/_components/account-fields";
import { AccountForm } from "@/app/_components/account-form";
import { getLinkDetails } from "@/lib/accounts/link-details";
import { resetPasswordAction } from "./actions";

// The token is the credential: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false }, referrer: "no-referrer" };

// A reset link (made by an owner or admin, or mailed by "Forgot password?"): a new password signs
// the person out everywhere else.
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getLinkDetails("reset", token);
  if (!link) notFound();
  return (
    <AccountCard title="Choose a new password">
      <AccountIntro>
        For <strong className="text-slate-800">{link.email}</strong> in {link.accountName}. Saving it signs you out on every other device.
      </AccountIntro>
      <AccountForm action={resetPasswordAction.bind(null, token)} fields={NEW_PASSWORD_FIELDS} submitLabel="Save password and sign in" pendingLabel="Saving…" />
    </AccountCard>
  );
}
