import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { sha256 } from "@/lib/crypto";
import { env } from "@/lib/env";
import { behindFrontDoor, CLIENT_ADDRESS_HEADER, clientAddressOf, forwardedEntries } from "@/lib/http/client-address";
import { servedOverHttps } from "@/lib/http/security-headers";
import { appSecret } from "@/lib/secret";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceCookieFor } from "./device";
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
    secure: await requestIsHttps(),
    path: "/",
    expires: expiresAt,
  });
}

/**
 * After any sign-in (the login form, a setup, invitation or reset link): the session cookie, and the
 * device cookie that lets this browser in while failures elsewhere lock the email (lib/auth/device.ts).
 * `deviceCookie` is what logIn returned; without it, the browser's own is kept if it is for this email.
 */
export async function setSignInCookies(input: { token: string; expiresAt: Date; email: string; deviceCookie?: string }) {
  await setSessionCookie(input.token, input.expiresAt);
  const jar = await cookies();
  const device = input.deviceCookie ?? deviceCookieFor(appSecret(env), input.email, jar.get(DEVICE_COOKIE)?.value);
  jar.set(DEVICE_COOKIE, device, {
    httpOnly: true,
    sameSite: "lax",
    secure: await requestIsHttps(),
    path: "/",
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}

// Served over https: APP_URL says so, or a proxy TRUST_PROXY trusts reports it (X-Forwarded-Proto).
async function requestIsHttps(): Promise<boolean> {
  return servedOverHttps({ appUrl: env.APP_URL, forwardedProto: (await headers()).get("x-forwarded-proto") ?? undefined, trustProxy: env.TRUST_PROXY });
}

export async function endSession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(sha256(token));
  jar.delete(SESSION_COOKIE);
}

/**
 * The client's address, for the sign-in throttle and the session list. Behind scripts/start.mjs it
 * is the header the front door set from the socket and TRUST_PROXY (lib/http/front-door.ts). Under
 * `next dev` or `next start` there is no front door: Next appends nothing to X-Forwarded-For and only
 * fills it with the socket's address when the client sent none, so its last entry stands in for the
 * socket. That can be forged by a client sending the header; production runs start.mjs.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  const set = behindFrontDoor() ? h.get(CLIENT_ADDRESS_HEADER) : null;
  if (set) return set;
  const entries = forwardedEntries(h.get("x-forwarded-for") ?? undefined);
  return clientAddressOf({ socketAddress: entries.pop(), forwardedFor: entries, trustProxy: env.TRUST_PROXY });
}
