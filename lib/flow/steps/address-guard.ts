// Which addresses a recipient step may call. A recipient URL is typed in by an account holder, so
// without this check the server could be made to call its own network (127.0.0.1, the cloud's
// metadata service at 169.254.169.254, a database on 10.x). Ranges are matched by Node's BlockList;
// an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // unspecified, "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT, private to the provider's network
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, home of cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking networks
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed by some networks)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

const MAPPED_V4 = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i;
const MAPPED_V4_HEX = /^::ffff:(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** The IPv4 address an IPv4-mapped IPv6 address carries, or the address itself. */
function unmapped(address: string): string {
  const dotted = MAPPED_V4.exec(address);
  if (dotted) return dotted[1]!;
  const hex = MAPPED_V4_HEX.exec(address);
  if (!hex) return address;
  const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
}

/** True for an IP address on the public internet; false for loopback, private, link-local, multicast, unspecified. */
export function isPublicAddress(address: string): boolean {
  const plain = unmapped(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  const family = isIP(plain);
  if (family === 0) return false;
  return !blocked.check(plain, family === 4 ? "ipv4" : "ipv6");
}

export type AddressCheck = { ok: true } | { ok: false; message: string };

/**
 * The save-time check of a recipient URL: http or https, and a host that is not, and does not
 * resolve to, an internal address. A host that does not resolve at all is let through (it may be
 * set up later); the send-time check (guardedLookup) judges whatever it resolves to then.
 */
export async function checkRecipientUrl(url: string): Promise<AddressCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: "Enter a full URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { ok: false, message: "The recipient URL must start with http:// or https://" };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return { ok: true };
    }
  }
  const internal = addresses.find((a) => !isPublicAddress(a));
  if (internal === undefined) return { ok: true };
  return { ok: false, message: `${host} is an internal address (${internal}): a recipient must be reachable on the public internet` };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves the host once and refuses internal results, so the
 * connection goes to the very address that was checked (no second resolution to rebind).
 */
export function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  lookup(hostname, { all: true, verbatim: true }).then(
    (found) => {
      const internal = found.find((a) => !isPublicAddress(a.address));
      if (internal) return callback(internalAddressError(hostname, internal.address), "", 0);
      if (options.all) return callback(null, found);
      callback(null, found[0]!.address, found[0]!.family);
    },
    (err: NodeJS.ErrnoException) => callback(err, "", 0),
  );
}

export function internalAddressError(host: string, address: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${host} resolves to the internal address ${address}`);
  error.code = "EINTERNALADDRESS";
  return error;
}
