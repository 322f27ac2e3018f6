"use server";

import { redirect } from "next/navigation";
import { formText, refusedState, type AccountFormState } from "@/app/_components/account-form-state";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { requestClient } from "@/lib/accounts/request-client";
import { setSignInCookies } from "@/lib/auth/session";

export async function acceptInvitationAction(token: string, _prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const name = formText(formData, "name");
  const result = await acceptInvitation({
    token,
    name,
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
    client: await requestClient(),
  });
  if (result.status !== "ok") return refusedState(result, { name });
  await setSignInCookies({ ...result.session, email: result.email });
  redirect("/");
}
