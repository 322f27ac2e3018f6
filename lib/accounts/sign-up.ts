// Sign-up (SIGNUP=open, for a hosted, multi-account Leadport): anyone makes an account of their own
// and is its owner. Closed, it refuses here as well as in the page, so a forged call gets nothing.
import { z } from "zod";
import { getDb } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { emailInUse, insertAccountWithOwner } from "./create-account";
import { openSession, type SessionClient } from "./open-session";
import { fieldErrorsOf, newPasswordFields, withMatchingPasswords, type Invalid, type SignedIn } from "./results";
import { inTransaction, isUniqueViolation } from "./transaction";
import { accountNameSchema, DEFAULT_TIME_ZONE, emailSchema, personNameSchema } from "./validations";

export type SignUpInput = {
  name: string;
  email: string;
  password: string;
  confirmPassword: string;
  accountName: string;
  client: SessionClient;
  now?: Date;
};
export type SignUpResult = SignedIn | Invalid | { status: "closed" };

const signUpSchema = withMatchingPasswords(z.object({ name: personNameSchema, email: emailSchema, accountName: accountNameSchema, ...newPasswordFields }));

const EMAIL_TAKEN: Invalid = { status: "invalid", fieldErrors: { email: "That email already has a Leadport login. Sign in instead." } };

export function signUpOpen(): boolean {
  return env.SIGNUP === "open";
}

export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  if (!signUpOpen()) return { status: "closed" };
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { name, email, accountName, password } = parsed.data;
  const db = getDb();
  if (await emailInUse(db, email)) return EMAIL_TAKEN;
  const passwordHash = await hashPassword(password);
  try {
    return await inTransaction<SignUpResult>(db, async (tx) => {
      if (await emailInUse(tx, email)) return EMAIL_TAKEN;
      const { holderId } = await insertAccountWithOwner(tx, {
        accountName,
        timeZone: DEFAULT_TIME_ZONE,
        owner: { email, name, passwordHash },
        actor: null,
        details: { via: "sign-up" },
      });
      return { status: "ok", email, session: await openSession(tx, holderId, input.client, input.now) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
}
