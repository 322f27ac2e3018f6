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

// Sources that do not require their key are let in whatever they send.
export function isAuthorized(header: string | null, source: { requireApiKey: boolean; apiKeyHash: string }): boolean {
  if (!source.requireApiKey) return true;
  const credentials = readBasicAuth(header);
  return credentials !== null && credentials.user.toUpperCase() === "API" && apiKeyMatches(credentials.password, source.apiKeyHash);
}
