// Your account (/settings/me): anyone signed in changes their own name and password and ends their
// other sessions. `currentSession` is the SHA-256 of this request's session token, kept alive.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { accountHolders } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-rules";
import { releaseAttempt, reserveAttempt } from "@/lib/auth/throttle-queries";
import { env } from "@/lib/env";
import { NOT_FOUND, type Actor, type Invalid, type NotFound } from "./actor";
import { deleteSessionsOf, getPersonInAccount, listSessionsOf } from "./queries";
import { personNameSchema } from "./validation";

export type RenameResult = { status: "ok"; name: string } | Invalid<"name"> | NotFound;

export async function renameSelf(actor: Actor, input: { name: unknown }): Promise<RenameResult> {
  const parsed = personNameSchema.safeParse(input.name);
  if (!parsed.success) return { status: "invalid", fieldErrors: { name: parsed.error.issues[0]?.message ?? "Check the name" } };
  const rows = await getDb()
    .update(accountHolders)
    .set({ name: parsed.data, updatedAt: new Date() })
    .where(and(eq(accountHolders.id, actor.id), eq(accountHolders.accountId, actor.accountId)))
    .returning({ id: accountHolders.id });
  return rows.length ? { status: "ok", name: parsed.data } : NOT_FOUND;
}

type PasswordField = "current" | "next" | "confirm";
export type ChangePasswordResult =
  | { status: "ok"; sessionsEnded: number }
  | Invalid<PasswordField>
  | NotFound
  | { status: "throttled"; message: string };

/**
 * Needs the current password; the new one replaces it and every other session of this person ends.
 * Wrong current passwords count against the person as sign-in failures do (same throttle, limits and
 * window, own key): a stolen session must not become a way to guess the password. Forms the rules
 * refuse are not counted; they never reach the check.
 */
export async function changePassword(
  actor: Actor,
  input: { current: unknown; next: unknown; confirm: unknown; currentSession: string },
): Promise<ChangePasswordResult> {
  const [current, next, confirm] = [input.current, input.next, input.confirm].map((v) => (typeof v === "string" ? v : ""));
  const errors: Partial<Record<PasswordField, string>> = {};
  if (!current) errors.current = "Enter your current password";
  const problem = passwordProblem(next!);
  if (problem) errors.next = problem;
  else if (next !== confirm) errors.confirm = "The two new passwords differ";
  if (Object.keys(errors).length) return { status: "invalid", fieldErrors: errors };

  const person = await getPersonInAccount(getDb(), actor.accountId, actor.id);
  if (!person) return NOT_FOUND;
  const throttleKey = `password:${person.id}`;
  const reservation = await reserveAttempt([throttleKey], { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES });
  if (reservation.status === "throttled") {
    return { status: "throttled", message: `Too many wrong current passwords. Try again in ${env.LOGIN_WINDOW_MINUTES} minutes.` };
  }
  if (!person.passwordHash || !(await verifyPassword(current!, person.passwordHash))) {
    return { status: "invalid", fieldErrors: { current: "That is not your current password" } }; // the reservation stays: a failure
  }
  await releaseAttempt(reservation.ids, throttleKey);
  const newHash = await hashPassword(next!);
  return getDb().transaction(async (tx) => {
    // Only over the hash just checked: a change made meanwhile (a reset link) wins, this one retries.
    const updated = await tx
      .update(accountHolders)
      .set({ passwordHash: newHash, updatedAt: new Date() })
      .where(and(eq(accountHolders.id, person.id), eq(accountHolders.passwordHash, person.passwordHash!)))
      .returning({ id: accountHolders.id });
    if (!updated.length) return { status: "invalid" as const, fieldErrors: { current: "Your password changed meanwhile. Enter the current one again." } };
    return { status: "ok" as const, sessionsEnded: await deleteSessionsOf(tx, person.id, input.currentSession) };
  });
}

export type SessionView = { key: number; createdAt: Date; expiresAt: Date; userAgent: string; clientAddress: string; current: boolean };

/** Your live sessions, oldest first; the token hashes stay here, the page only learns which is this one. */
export async function listYourSessions(actor: Actor, currentSession: string): Promise<SessionView[]> {
  const rows = await listSessionsOf(actor.id);
  return rows.map((row, key) => ({
    key,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    clientAddress: row.clientAddress,
    current: row.tokenHash === currentSession,
  }));
}

export async function signOutOtherSessions(actor: Actor, currentSession: string): Promise<{ status: "ok"; sessionsEnded: number }> {
  return { status: "ok", sessionsEnded: await deleteSessionsOf(getDb(), actor.id, currentSession) };
}
