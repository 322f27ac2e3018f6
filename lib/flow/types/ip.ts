import { isIP } from "node:net";
import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { BASE_OPERATORS } from "./operators";

// "[2001:db8::1]:443" and "203.0.113.7:8080" are how proxies and logs write addresses.
const BRACKETED_RE = /^\[([^\]]+)\](?::\d+)?$/;
const V4_WITH_PORT_RE = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

function address(text: string): string {
  const bracketed = BRACKETED_RE.exec(text);
  if (bracketed) return bracketed[1]!;
  const v4 = V4_WITH_PORT_RE.exec(text);
  return v4 ? v4[1]! : text;
}

export const ipType: FieldType = {
  name: "ip",
  operators: BASE_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const candidate = address(raw.trim());
    const version = isIP(candidate);
    if (version === 0) return invalidValue(raw);
    return {
      raw,
      // IPv6 hex digits are case-insensitive; lowercase so equality and dedupe agree.
      normal: version === 6 ? candidate.toLowerCase() : candidate,
      valid: true,
      is_ipv4: version === 4,
      is_ipv6: version === 6,
    };
  },
};
