// Calling Server Actions and route handlers in vitest as a signed-in person. Import this file BEFORE
// the actions under test: it mocks next/headers (cookies() holds the person's lp_session, headers()
// a plain Headers) and next/cache (revalidatePath is a no-op outside a Next server). next/navigation
// is left alone, so redirect() and notFound() throw as they do in Next; catch them with
// `nextNavigation(error)`. The session is a real row (insertSession), so roles, removal and expiry
// behave as in the app.
import { randomBytes } from "node:crypto";
import { vi } from "vitest";
import { insertSession } from "@/lib/auth/queries";
import { sha256 } from "@/lib/crypto";

const jar = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name)! } : undefined),
    getAll: () => [...jar.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") jar.cookies.set(name, value ?? "");
      else jar.cookies.set(name.name, name.value);
    },
    delete: (name: string) => jar.cookies.delete(name),
  }),
  headers: async () => jar.headers,
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

export type SignedIn = { token: string; /** For a route handler's Request: `cookie: signedIn.cookie`. */ cookie: string };

/** Signs this account holder in: a new session row, and its cookie in the mocked jar for actions. */
export async function signInAs(holderId: string): Promise<SignedIn> {
  const token = randomBytes(32).toString("base64url");
  await insertSession({ tokenHash: sha256(token), accountHolderId: holderId, expiresAt: new Date(Date.now() + 3_600_000) });
  jar.cookies.set("lp_session", token);
  return { token, cookie: `lp_session=${token}` };
}

/** Uses an existing session (from signInAs) for the next action calls. */
export function actAs(signedIn: SignedIn | null) {
  if (signedIn) jar.cookies.set("lp_session", signedIn.token);
  else jar.cookies.delete("lp_session");
}

/** Sets the request headers actions see through headers() (origin, user agent, forwarded addresses). */
export function setRequestHeaders(headers: Record<string, string>) {
  jar.headers = new Headers(headers);
}

/** The redirect or not-found Next's navigation threw, e.g. "redirect:/flows/abc" or "not-found"; null for any other error. */
export function nextNavigation(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404") || digest === "NEXT_NOT_FOUND") return "not-found";
  return null;
}
