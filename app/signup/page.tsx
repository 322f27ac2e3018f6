import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AccountCard, AccountIntro } from "@/app/_components/account-card";
import { EMAIL_FIELD, NAME_FIELD, NEW_PASSWORD_FIELDS } from "@/app/_components/account-fields";
import { AccountForm } from "@/app/_components/account-form";
import { signUpOpen } from "@/lib/accounts/sign-up";
import { getCurrentHolder } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };
// SIGNUP is read when the page is asked for, not when it was built.
export const dynamic = "force-dynamic";

// Sign-up for a hosted, multi-account Leadport (SIGNUP=open); a 404 everywhere else.
export default async function SignUpPage() {
  if (!signUpOpen()) notFound();
  if (await getCurrentHolder()) redirect("/");
  return (
    <AccountCard title="Create a Leadport account">
      <AccountIntro>You will be the owner of the new account and can invite your team afterwards.</AccountIntro>
      <AccountForm
        action={signUpAction}
        fields={[NAME_FIELD, EMAIL_FIELD, { name: "accountName", label: "Account name", type: "text", autoComplete: "organization", hint: "Usually your company's name." }, ...NEW_PASSWORD_FIELDS]}
        submitLabel="Create account"
        pendingLabel="Creating…"
      />
      <p className="mt-6 text-sm">
        Already have a login?{" "}
        <Link href="/login" className="text-blue-800 hover:underline">
          Sign in
        </Link>
      </p>
    </AccountCard>
  );
}
