import type { Metadata } from "next";
import Link from "next/link";
import { AccountCard, AccountIntro } from "@/app/_components/account-card";
import { EMAIL_FIELD } from "@/app/_components/account-fields";
import { AccountForm } from "@/app/_components/account-form";
import { mailConfigured } from "@/lib/mail/send";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };
// Whether mail is configured is read when the page is asked for, not when it was built.
export const dynamic = "force-dynamic";

// Asks for a reset link by email. The answer is the same for every address, known or not.
export default function ForgotPasswordPage() {
  return (
    <AccountCard title="Forgot your password?">
      <AccountIntro>
        {mailConfigured()
          ? "Enter the email you sign in with. If it has an account, we'll email you a link to choose a new password."
          : "This Leadport does not send email: an owner or admin of your account can make you a password reset link on the People page."}
      </AccountIntro>
      <AccountForm action={forgotPasswordAction} fields={[{ ...EMAIL_FIELD, autoComplete: "username" }]} submitLabel="Send reset link" pendingLabel="Sending…" />
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-blue-800 hover:underline">
          Back to sign-in
        </Link>
      </p>
    </AccountCard>
  );
}
