// Input rules for people forms, shared by Server Actions and the lib functions that re-check them.
import { z } from "zod";
import { holderRoleEnum } from "@/db/schema";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com").max(254, "Keep the email under 254 characters"));

export const roleSchema = z.enum(holderRoleEnum.enumValues, "Pick a role");

export const personNameSchema = z.string().trim().max(120, "Keep the name under 120 characters");

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

/** The first message per field, as forms show them. */
export function fieldErrorsOf<F extends string>(error: z.ZodError): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as F;
    errors[field] ??= issue.message;
  }
  return errors;
}
