"use server";

import { formText, type AccountFormState } from "@/app/_components/account-form-state";
import { requestPasswordReset } from "@/lib/accounts/forgot-password";

export async function forgotPasswordAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const email = formText(formData, "email");
  const result = await requestPasswordReset({ email });
  if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values: { email } };
  return { status: "done", message: result.message };
}
