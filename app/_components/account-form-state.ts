// The state the account pages' forms (setup, invitation, reset, sign-up, forgot password) share
// with their Server Actions. Values come back so a refused form keeps what was typed; passwords never do.
import { LINK_GONE_MESSAGE, type FieldErrors } from "@/lib/accounts/results";

export type AccountFormValues = Record<string, string>;

export type AccountFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: FieldErrors; values: AccountFormValues }
  | { status: "error"; message: string; values: AccountFormValues }
  | { status: "done"; message: string };

export const IDLE_FORM: AccountFormState = { status: "idle" };

/** A form field's text, or "" when missing or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The form state for a lib/accounts result that did not sign anyone in. */
export function refusedState(
  result: { status: "invalid"; fieldErrors: FieldErrors } | { status: "gone" } | { status: "error"; message: string },
  values: AccountFormValues = {},
): AccountFormState {
  if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
  if (result.status === "gone") return { status: "error", message: `${LINK_GONE_MESSAGE} Ask for a new one.`, values };
  return { status: "error", message: result.message, values };
}
