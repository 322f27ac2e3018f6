"use server";

import { redirect } from "next/navigation";
import { formText, refusedState, type AccountFormState } from "@/app/_components/account-form-state";
import { completeSetup } from "@/lib/accounts/choose-password";
import { requestClient } from "@/lib/accounts/request-client";
import { setSignInCookies } from "@/lib/auth/session";

export async function setupAction(token: string, _prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await completeSetup({
    token,
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
    client: await requestClient(),
  });
  if (result.status !== "ok") return refusedState(result);
  await setSignInCookies({ ...result.session, email: result.email });
  redirect("/");
}
