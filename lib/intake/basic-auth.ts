// Optional per-source authentication: HTTP Basic with user "API" and the source's API key as password.
import { apiKeyMatches } from "@/lib/sources/tokens";

export type Credentials = { user: string; password: string };

export function readBasicAuth(header: string | null): Credentials | null {
  const match = header === null ? null : /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// The API key sent (HTTP Basic, user API), or null when the request carries none.
export function apiKeyOf(header: string | null): string | null {
  const credentials = readBasicAuth(header);
  return credentials !== null && credentials.user.toUpperCase() === "API" ? credentials.password : null;
}

// Sources that do not require their key are let in whatever they send. currentHash is read from the
// database for this request (never the cached settings), and only when a key was sent.
export async function isAuthorized(
  header: string | null,
  source: { requireApiKey: boolean },
  currentHash: () => Promise<string | null>,
): Promise<boolean> {
  if (!source.requireApiKey) return true;
  const key = apiKeyOf(header);
  if (key === null) return false;
  const hash = await currentHash();
  return hash !== null && apiKeyMatches(key, hash);
}
