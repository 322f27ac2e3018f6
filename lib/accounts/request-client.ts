import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/session";
import type { SessionClient } from "./open-session";

/** The browser and address of the request a Server Action runs in, recorded on the session it opens. */
export async function requestClient(): Promise<SessionClient> {
  const h = await headers();
  return { userAgent: h.get("user-agent") ?? "", address: await clientAddress() };
}
