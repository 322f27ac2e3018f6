// What the account pages' work returns: values the Server Actions map to form states.
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-rules";

export type FieldErrors = Partial<Record<string, string>>;

/** Signed in: the session to put in a cookie, and the email the device cookie is bound to. */
export type SignedIn = { status: "ok"; email: string; session: { token: string; expiresAt: Date } };
export type Invalid = { status: "invalid"; fieldErrors: FieldErrors };
/** The link is unknown, used, revoked or expired (or was used by another request a moment ago). */
export type LinkGone = { status: "gone" };
export type Refused = { status: "error"; message: string };

export const LINK_GONE_MESSAGE = "This link has expired or was already used.";

/** The first message for each field, as forms show them. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** A new password, typed twice: a typo on a setup page would otherwise lock the owner out. */
export const newPasswordFields = { password: newPasswordSchema, confirmPassword: z.string() };

export function withMatchingPasswords<T extends z.ZodType<{ password: string; confirmPassword: string }>>(schema: T) {
  return schema.refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match" });
}

export const choosePasswordSchema = withMatchingPasswords(z.object(newPasswordFields));
