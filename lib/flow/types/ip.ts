import { isIP } from "node:net";
import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { canonicalIpv6 } from "./ip-v6";
import { BASE_OPERATORS } from "./operators";

// Where sources wrap the address: a URL ("http://198.51.90.161/form"), a prefix length
// ("198.51.90.161/32"), a port ("203.0.113.7:8080", "[2001:db8::1]:443").
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
const URL_REST_RE = /[/?#]/;
const PREFIX_LENGTH_RE = /\/\d{1,3}$/;
// A URL written without its scheme ("198.51.90.161/form", "[2001:db8::1]/form"), as LeadConduit reads it.
const HOST_FIRST_RE = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?![\d.])|\[)/;
const BRACKETED_RE = /^\[([^\]]+)\](?::\d{1,5})?$/;
const V4_WITH_PORT_RE = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
// Eight full groups are a whole IPv6 address, so a ninth after a colon can only be a port.
const FULL_V6_WITH_PORT_RE = /^((?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}):\d{1,5}$/i;
// Spaces beside a separator ("198. 51. 90. 161", "[8faa: 230d:…]") are dropped, as LeadConduit
// drops them; a space between two digits ("19 8.51.90.161") would make us guess, so it stays and
// the value is invalid.
const SPACE_BESIDE_SEPARATOR_RE = /\s*([.:/[\]])\s*/g;

function unwrap(text: string): string {
  let host = text;
  if (SCHEME_RE.test(host)) {
    host = host.replace(SCHEME_RE, "");
    const end = host.search(URL_REST_RE);
    if (end >= 0) host = host.slice(0, end);
  } else {
    host = host.replace(PREFIX_LENGTH_RE, "");
    const end = HOST_FIRST_RE.test(host) ? host.search(URL_REST_RE) : -1;
    if (end >= 0) host = host.slice(0, end);
  }
  const bracketed = BRACKETED_RE.exec(host);
  if (bracketed) return bracketed[1]!;
  const withPort = V4_WITH_PORT_RE.exec(host) ?? FULL_V6_WITH_PORT_RE.exec(host);
  return withPort ? withPort[1]! : host;
}

// isIP refuses a zero-padded quad ("010.0.0.1"): it could mean octal 8 or decimal 10, so it is
// invalid rather than guessed.
export const ipType: FieldType = {
  name: "ip",
  operators: BASE_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim().replace(SPACE_BESIDE_SEPARATOR_RE, "$1");
    let address = text;
    let version = isIP(address);
    if (version === 0) {
      address = unwrap(text);
      version = isIP(address);
    }
    if (version === 0) return invalidValue(raw);
    return {
      raw,
      normal: version === 6 ? canonicalIpv6(address) : address,
      valid: true,
      is_ipv4: version === 4,
      is_ipv6: version === 6,
    };
  },
};
