import type { FieldType } from "./field-type";
import { blankValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const WHITESPACE_RE = /\s+/g;
// Deliberately narrower than RFC 5322 (no quoted local parts, no IP-literal domains): lead
// forms only ever carry dot-atom addresses, and anything stranger is more likely junk.
const EMAIL_RE =
  /^([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59}))$/;

// Consumer mailbox providers; a business address is anything else.
const FREE_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.ca",
  "ymail.com",
  "rocketmail.com",
  "hotmail.com",
  "hotmail.co.uk",
  "outlook.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "protonmail.com",
  "proton.me",
  "pm.me",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "att.net",
  "comcast.net",
  "verizon.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
]);

export const emailType: FieldType = {
  name: "email",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const address = raw.toLowerCase().replace(WHITESPACE_RE, "");
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
      is_free: FREE_DOMAINS.has(domain),
    };
  },
};
