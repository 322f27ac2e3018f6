// RFC 5952 text for an IPv6 address that node:net's isIP has already accepted, so one address has
// one value for equality and dedupe. ipaddr.js writes the compressed lowercase form; RFC 5952 §5
// asks for mixed notation for an IPv4-mapped address, which it prints in hex, so that case is ours.
import ipaddr from "ipaddr.js";

export function canonicalIpv6(address: string): string {
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.isIPv4MappedAddress()) {
    const zone = parsed.zoneId ? `%${parsed.zoneId}` : "";
    return `::ffff:${parsed.toIPv4Address().toString()}${zone}`;
  }
  return parsed.toRFC5952String();
}
