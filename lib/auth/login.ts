import "server-only";
import { randomToken, sha256 } from "@/lib/crypto";
import { env } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "./password";
import {
  clearFailures,
  countRecentFailures,
  getAccountHolderByEmail,
  insertSession,
  recordFailures,
} from "./queries";

export type LoginResult =
  | { status: "ok"; token: string; expiresAt: Date }
  | { status: "invalid"; message: string }
  | { status: "throttled"; message: string };

// Checks a password and opens a session. Failures are counted per email and per client address,
// in the database, so every app process sees the same limit.
export async function logIn(input: { email: string; password: string; address: string }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `addr:${input.address}`];
  const windowStart = new Date(Date.now() - env.LOGIN_WINDOW_MINUTES * 60_000);
  if ((await countRecentFailures(keys, windowStart)) >= env.LOGIN_MAX_FAILURES) {
    return {
      status: "throttled",
      message: `Too many failed attempts. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.`,
    };
  }
  const holder = await getAccountHolderByEmail(email);
  // A person who has not chosen a password yet (setup link pending) cannot sign in; same timing as unknown.
  const ok = holder?.passwordHash ? await verifyPassword(input.password, holder.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!holder || !ok) {
    await recordFailures(keys);
    return { status: "invalid", message: "That email and password do not match an account." };
  }
  await clearFailures(`email:${email}`, windowStart);
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + env.SESSION_DAYS * 86_400_000);
  await insertSession({ tokenHash: sha256(token), accountHolderId: holder.id, expiresAt });
  return { status: "ok", token, expiresAt };
}
