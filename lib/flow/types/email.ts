import { handleFreemailValidation } from "@activeprospect/freemail";
import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const WHITESPACE_RE = /\s+/g;
// Deliberately narrower than RFC 5322 (no quoted local parts, no IP-literal domains): lead
// forms only ever carry dot-atom addresses, and anything stranger is more likely junk.
const EMAIL_RE =
  /^([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59}))$/;

// "John Doe <john@example.com>" and '"Doe, John" <john@example.com>': the address is in the brackets.
const NAMED_ADDRESS_RE = /^[^<>]*<([^<>]+)>\s*$/;

// LeadConduit's own list (@activeprospect/freemail, ISC): ~3,800 free and ~340 disposable
// domains, matched on the registrable domain, so "mail.yahoo.com" counts as yahoo.com. The list
// is case-sensitive and the domain here is already lowercased. A disposable domain is free too.
function freemailFlags(domain: string): { is_free: boolean; is_disposable: boolean } {
  const flags = handleFreemailValidation(domain);
  return { is_free: flags.isFree, is_disposable: flags.isDisposable };
}

export const emailType: FieldType = {
  name: "email",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const named = raw.includes("<") ? NAMED_ADDRESS_RE.exec(raw) : null;
    const address = (named ? named[1]! : raw).toLowerCase().replace(WHITESPACE_RE, "");
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
