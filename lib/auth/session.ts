import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { sha256 } from "@/lib/crypto";
import { env } from "@/lib/env";
import { deleteSession, getSessionHolder } from "./queries";
import { can, type Permission } from "./roles";

export const SESSION_COOKIE = "lp_session";

export type CurrentHolder = NonNullable<Awaited<ReturnType<typeof getSessionHolder>>>;

// The signed-in account holder for this request, or null. Cached per request.
export const getCurrentHolder = cache(async (): Promise<CurrentHolder | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return getSessionHolder(sha256(token));
});

export async function requireHolder(): Promise<CurrentHolder> {
  const holder = await getCurrentHolder();
  if (!holder) redirect("/login");
  return holder;
}

/**
 * For pages: the signed-in holder if their role grants this permission. No session goes to sign-in;
 * a role without it gets the not-found page, as a page of another account would.
 */
export async function requirePermission(permission: Permission): Promise<CurrentHolder> {
  const holder = await requireHolder();
  if (!can(holder.role, permission)) notFound();
  return holder;
}

/** For Server Actions and route handlers: the holder, or why not, for the caller to answer with. */
export async function authorize(
  permission: Permission,
): Promise<{ status: "ok"; holder: CurrentHolder } | { status: "signed_out" } | { status: "forbidden"; message: string }> {
  const holder = await getCurrentHolder();
  if (!holder) return { status: "signed_out" };
  if (!can(holder.role, permission)) return { status: "forbidden", message: FORBIDDEN_MESSAGE };
  return { status: "ok", holder };
}

export const FORBIDDEN_MESSAGE = "Your role in this account does not allow that. Ask an owner or admin.";

export async function setSessionCookie(token: string, expiresAt: Date) {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(sha256(token));
  jar.delete(SESSION_COOKIE);
}

// The client address for rate limiting: the first X-Forwarded-For hop behind a proxy, else unknown.
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
