import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { sha256 } from "@/lib/crypto";

/** The SHA-256 of this request's session token (as sessions.token_hash stores it), or "" when none. */
export async function currentSessionHash(): Promise<string> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? sha256(token) : "";
}
