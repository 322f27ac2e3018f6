// Which address a request came from, for the sign-in throttle and the session list. The socket's
// peer is the only address nobody can forge; an X-Forwarded-For entry is only as trustworthy as the
// proxy that wrote it. TRUST_PROXY says how many proxies stand in front of the app: each appends the
// address it received the request from, so the n-th entry from the right (counting the socket as the
// rightmost) is the address the outermost trusted proxy saw. Entries left of it are whatever the
// client sent, and are never used.

/** Set by scripts/start.mjs from the socket, after deleting any copy a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-leadport-client-address";

const MAX_ADDRESS_LENGTH = 64; // an IPv6 address with a zone fits; anything longer is junk

export type ClientAddressInput = {
  /** req.socket.remoteAddress; undefined when the socket is already closed. */
  socketAddress: string | undefined;
  /** The X-Forwarded-For header as received (comma-separated, possibly several header lines joined). */
  forwardedFor: string | string[] | undefined;
  /** How many reverse proxies are trusted (env.TRUST_PROXY). */
  trustProxy: number;
};

export function clientAddressOf({ socketAddress, forwardedFor, trustProxy }: ClientAddressInput): string {
  const socket = normalizeAddress(socketAddress ?? "");
  if (trustProxy <= 0) return socket || "unknown";
  const hops = [...forwardedEntries(forwardedFor), socket];
  // Fewer entries than trusted proxies: every entry came from a trusted hop, so the leftmost is best.
  const chosen = hops[Math.max(0, hops.length - 1 - trustProxy)];
  return chosen || "unknown";
}

/** The comma-separated entries of a forwarded header, trimmed, empty ones dropped. */
export function forwardedEntries(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(normalizeAddress);
}

// "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) -> "10.0.0.1", so one client has one key;
// "1.2.3.4:5678" and "[::1]:80" (some proxies append the port) -> the address alone.
export function normalizeAddress(raw: string): string {
  let address = raw.trim().slice(0, MAX_ADDRESS_LENGTH * 2);
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(address)) address = address.slice(7);
  return address.slice(0, MAX_ADDRESS_LENGTH).toLowerCase();
}

// Whether scripts/start.mjs stands in front of this process. Only then is CLIENT_ADDRESS_HEADER
// ours (it deleted the client's copy); under `next dev` or `next start` a client could send it. A
// global, not an environment variable, because start.mjs and Next's bundles share one process.
const FRONT_DOOR = Symbol.for("leadport.frontDoor");

export function markFrontDoor(): void {
  (globalThis as Record<symbol, unknown>)[FRONT_DOOR] = true;
}

export function behindFrontDoor(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRONT_DOOR] === true;
}
