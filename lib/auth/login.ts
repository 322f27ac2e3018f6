import "server-only";
import { getDb } from "@/db";
import { openSession, type SessionClient } from "@/lib/accounts/open-session";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/secret";
import { deviceCookieFor, deviceKey, deviceNonceFor } from "./device";
import { burnPasswordCheck, verifyPassword } from "./password";
import { getAccountHolderByEmail } from "./queries";
import { releaseAttempt, reserveAttempt } from "./throttle-queries";

export type LoginInput = {
  email: string;
  password: string;
  /** The client's address as lib/http/client-address.ts resolved it. */
  address: string;
  userAgent?: string;
  /** The lp_device cookie the browser sent, if any. */
  deviceCookie?: string;
};

export type LoginResult =
  | { status: "ok"; token: string; expiresAt: Date; deviceCookie: string }
  | { status: "invalid"; message: string }
  | { status: "throttled"; message: string };

const INVALID = "That email and password do not match an account.";

/**
 * Checks a password and opens a session. Every attempt is counted per client address and per person:
 * per email, or, from a browser that has signed in as that email before (a valid device cookie), per
 * that device, so failures elsewhere do not lock the real user out. The count is taken and the
 * attempt reserved in one locked step before the password is checked (throttle-queries.ts), in the
 * database, so parallel requests and every app process see the same limit.
 */
export async function logIn(input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const secret = appSecret(env);
  const nonce = deviceNonceFor(secret, email, input.deviceCookie);
  const personKey = nonce ? deviceKey(nonce) : `email:${email}`;
  const reservation = await reserveAttempt([personKey, `addr:${input.address}`], {
    maxFailures: env.LOGIN_MAX_FAILURES,
    windowMinutes: env.LOGIN_WINDOW_MINUTES,
  });
  if (reservation.status === "throttled") {
    return { status: "throttled", message: `Too many failed attempts. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.` };
  }
  const holder = await getAccountHolderByEmail(email);
  // A person who has not chosen a password yet (setup link pending) cannot sign in; same timing as unknown.
  const ok = holder?.passwordHash ? await verifyPassword(input.password, holder.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!holder || !ok) return { status: "invalid", message: INVALID }; // the reservation stays: a failure
  await releaseAttempt(reservation.ids, personKey);
  const client: SessionClient = { userAgent: (input.userAgent ?? "").slice(0, 300), address: input.address };
  const session = await getDb().transaction((tx) => openSession(tx, holder.id, client));
  return { status: "ok", ...session, deviceCookie: deviceCookieFor(secret, email, input.deviceCookie) };
}
