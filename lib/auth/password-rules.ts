// The one rule for a password a person chooses (setup, invitation, reset, sign-up, change). Length
// is what makes a password hard to guess; composition rules only make people write them down. The
// upper bound keeps scrypt's input small.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters.`;

/** Why this password cannot be chosen, or null when it can. */
export function passwordProblem(password: string): string | null {
  // Characters as people count them (code points), not UTF-16 units.
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (new Set(characters).size === 1) return "Use more than one distinct character.";
  return null;
}

/** The rule as a zod schema, for forms that choose a password. */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
