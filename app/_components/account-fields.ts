// The fields the account pages ask for, one spelling for each.
import { PASSWORD_HINT } from "@/lib/auth/password-rules";

export type AccountField = {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
};

export const NEW_PASSWORD_FIELDS: AccountField[] = [
  { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: PASSWORD_HINT },
  { name: "confirmPassword", label: "Password again", type: "password", autoComplete: "new-password" },
];

export const NAME_FIELD: AccountField = { name: "name", label: "Your name", type: "text", autoComplete: "name" };
export const EMAIL_FIELD: AccountField = { name: "email", label: "Email", type: "email", autoComplete: "email" };
