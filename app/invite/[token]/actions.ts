"use server";

import { formText, refusedState, type AccountFormState } from "@/app/_components/account-form-state";
import { newPasswordFields, signInAndGoHome } from "@/app/_components/account-sign-in";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { requestClient } from "@/lib/accounts/request-client";

export async function acceptInvitationAction(token: string, _prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const name = formText(formData, "name");
  const result = await acceptInvitation({ token, name, ...newPasswordFields(formData), client: await requestClient() });
  return result.status === "ok" ? signInAndGoHome(result) : refusedState(result, { name });
}
