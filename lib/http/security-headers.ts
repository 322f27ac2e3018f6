// The security headers every page and route answers with, and when the app counts as served over
// https (HSTS, Secure cookies). Pure: next.config.ts, scripts/start.mjs (through front-door.ts), the
// session cookie and the browser tests all read them from here.
import { forwardedEntries } from "./client-address";

// No script-src or style-src: Next inlines its bootstrap scripts and styles, and a nonce would make
// every page dynamic. What is listed closes framing (clickjacking), plugins and <base> hijacking.
export const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

// Tokens live in some paths (/docs/<token>, /r/<token>): no other site learns even our address.
export const REFERRER_POLICY = "same-origin";

// A year, this host only: subdomains may belong to other services of whoever runs Leadport.
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": REFERRER_POLICY,
  "X-Frame-Options": "DENY", // browsers without frame-ancestors
};

export function securityHeaders(https: boolean): Record<string, string> {
  return https ? { ...BASE_SECURITY_HEADERS, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : { ...BASE_SECURITY_HEADERS };
}

export type HttpsInput = {
  appUrl: string;
  /** The X-Forwarded-Proto header as received. */
  forwardedProto: string | string[] | undefined;
  trustProxy: number;
};

/**
 * Served over https: APP_URL says so, or a trusted proxy says the client connected with https. A
 * proxy that appends to X-Forwarded-Proto puts its entry n-th from the right; with fewer entries than
 * trusted proxies the leftmost is taken (as for X-Forwarded-For). Without a trusted proxy the header is
 * the client's word and is ignored.
 */
export function servedOverHttps({ appUrl, forwardedProto, trustProxy }: HttpsInput): boolean {
  if (appUrl.startsWith("https://")) return true;
  if (trustProxy <= 0) return false;
  const entries = forwardedEntries(forwardedProto);
  return entries[Math.max(0, entries.length - trustProxy)] === "https";
}

/**
 * What a response lacks of the headers above, as readable problems (empty when all is well). For the
 * browser tests: `expect(missingSecurityHeaders((n) => response.headers()[n] ?? null, { https })).toEqual([])`.
 */
export function missingSecurityHeaders(get: (name: string) => string | null | undefined, { https }: { https: boolean }): string[] {
  const problems: string[] = [];
  const csp = get("content-security-policy") ?? "";
  for (const directive of CONTENT_SECURITY_POLICY.split("; ")) {
    if (!csp.includes(directive)) problems.push(`Content-Security-Policy lacks ${directive}`);
  }
  if (get("x-content-type-options")?.toLowerCase() !== "nosniff") problems.push("X-Content-Type-Options is not nosniff");
  if (!get("referrer-policy")) problems.push("Referrer-Policy is missing");
  const hsts = get("strict-transport-security");
  if (https && !hsts?.includes("max-age=")) problems.push("Strict-Transport-Security is missing over https");
  if (!https && hsts) problems.push("Strict-Transport-Security is sent over plain http");
  return problems;
}
