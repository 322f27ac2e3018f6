"use server";

import { refusedState, type AccountFormState } from "@/app/_components/account-form-state";
import { newPasswordFields, signInAndGoHome } from "@/app/_components/account-sign-in";
import { resetPassword } from "@/lib/accounts/choose-password";
import { requestClient } from "@/lib/accounts/request-client";

export async function resetPasswordAction(token: string, _prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await resetPassword({ token, ...newPasswordFields(formData), client: await requestClient() });
  return result.status === "ok" ? signInAndGoHome(result) : refusedState(result);
}
