"use server";

import { formText, type AccountFormState } from "@/app/_components/account-form-state";
import { newPasswordFields, signInAndGoHome } from "@/app/_components/account-sign-in";
import { signUp } from "@/lib/accounts/sign-up";
import { requestClient } from "@/lib/accounts/request-client";

export async function signUpAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = { name: formText(formData, "name"), email: formText(formData, "email"), accountName: formText(formData, "accountName") };
  const result = await signUp({ ...values, ...newPasswordFields(formData), client: await requestClient() });
  // Closed: the page is a 404, and a call made without it gets nothing either.
  if (result.status === "closed") return { status: "error", message: "Sign-up is closed on this Leadport.", values: {} };
  if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
  return signInAndGoHome(result);
}
