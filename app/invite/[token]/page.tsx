import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountCard, AccountIntro } from "@/app/_components/account-card";
import { NAME_FIELD, NEW_PASSWORD_FIELDS } from "@/app/_components/account-fields";
import { AccountForm } from "@/app/_components/account-form";
import { emailTakenMessage } from "@/lib/accounts/accept-invitation";
import { getLinkDetails } from "@/lib/accounts/link-details";
import { ROLE_LABELS, ROLE_SUMMARIES } from "@/lib/auth/roles";
import { acceptInvitationAction } from "./actions";

// The token is the credential: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Join an account", robots: { index: false, follow: false }, referrer: "no-referrer" };

// The person invited chooses their name and password and joins with the role they were invited as.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getLinkDetails("invitation", token);
  if (!invitation) notFound();
  const role = invitation.role ?? "viewer";
  return (
    <AccountCard title={`Join ${invitation.accountName}`}>
      <AccountIntro>
        You were invited as <strong className="text-slate-800">{invitation.email}</strong>, with the role{" "}
        <strong className="text-slate-800">{ROLE_LABELS[role]}</strong> ({ROLE_SUMMARIES[role].toLowerCase()}).
      </AccountIntro>
      {invitation.emailTaken ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {emailTakenMessage(invitation.email)}{" "}
          <Link href="/login" className="font-medium text-blue-800 underline">
            Sign in
          </Link>
        </div>
      ) : (
        <AccountForm
          action={acceptInvitationAction.bind(null, token)}
          fields={[NAME_FIELD, ...NEW_PASSWORD_FIELDS]}
          submitLabel="Join and sign in"
          pendingLabel="Joining…"
        />
      )}
    </AccountCard>
  );
}
