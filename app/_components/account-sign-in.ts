import "server-only";
import { redirect } from "next/navigation";
import type { SignedIn } from "@/lib/accounts/results";
import { setSignInCookies } from "@/lib/auth/session";
import { formText } from "./account-form-state";

// What the account pages' Server Actions (setup, invitation, reset, sign-up) share once the form is
// read: the new password as typed twice, and the end of every success, signed in on the home page.

export function newPasswordFields(formData: FormData) {
  return { password: formText(formData, "password"), confirmPassword: formText(formData, "confirmPassword") };
}

export async function signInAndGoHome(result: SignedIn): Promise<never> {
  await setSignInCookies({ ...result.session, email: result.email });
  redirect("/");
}
