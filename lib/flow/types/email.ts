import { handleFreemailValidation } from "@activeprospect/freemail";
import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const WHITESPACE_RE = /\s+/g;
// Spaces next to a dot or the @ are dropped ("p. j. butter@gmail.com"), as RFC 5322 allows
// there and as LeadConduit reads them. A space between two letters ("john doe@example.com")
// makes the address invalid: joining the words would guess the user and could mail someone else.
const SPACE_INSIDE_WORD_RE = /[^\s.@]\s+[^\s.@]/;
// Deliberately narrower than RFC 5322 (no quoted local parts, no IP-literal domains): lead
// forms only ever carry dot-atom addresses, and anything stranger is more likely junk.
const EMAIL_RE =
  /^([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59}))$/;

// "John Doe <john@example.com>" and '"Doe, John" <john@example.com>': the address is in the brackets.
const NAMED_ADDRESS_RE = /^[^<>]*<([^<>]+)>\s*$/;

// LeadConduit's own list (@activeprospect/freemail, ISC): ~3,800 free and ~340 disposable
// domains, matched on the registrable domain, so "mail.yahoo.com" counts as yahoo.com. The list
// is case-sensitive and the domain here is already lowercased. A disposable domain is free too.
type FreemailFlags = Readonly<{ is_free: boolean; is_disposable: boolean }>;

// freemail finds the registrable domain of anything but .com with tldjs, at 20-200 µs a call
// (0.7 µs for .com). Leads repeat a few domains, so answers are remembered; the cap bounds
// memory against a file of unique domains, and clearing (not evicting) keeps the hot path cheap.
const FLAGS_CACHE_LIMIT = 20_000;
const flagsByDomain = new Map<string, FreemailFlags>();

function freemailFlags(domain: string): FreemailFlags {
  let flags = flagsByDomain.get(domain);
  if (flags) return flags;
  const found = handleFreemailValidation(domain);
  flags = { is_free: found.isFree, is_disposable: found.isDisposable };
  if (flagsByDomain.size >= FLAGS_CACHE_LIMIT) flagsByDomain.clear();
  flagsByDomain.set(domain, flags);
  return flags;
}

export const emailType: FieldType = {
  name: "email",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const named = raw.includes("<") ? NAMED_ADDRESS_RE.exec(raw) : null;
    const typed = (named ? named[1]! : raw).trim().toLowerCase();
    if (SPACE_INSIDE_WORD_RE.test(typed)) return { raw, normal: typed, valid: false };
    const address = typed.replace(WHITESPACE_RE, "");
    const m = EMAIL_RE.exec(address);
    if (!m) return { raw, normal: address, valid: false };
    const domain = m[2]!;
    const tld = m[3]!;
    return {
      raw,
      normal: address,
      valid: true,
      user: m[1]!,
      domain,
      // The domain without its last label: "mail.example.co.uk" gives "mail.example.co".
      host: domain.slice(0, domain.length - tld.length - 1),
      tld,
      ...freemailFlags(domain),
    };
  },
};
