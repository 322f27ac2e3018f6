import type { FieldType } from "./field-type";
import { blankValue, invalidValue, isBlank } from "./blank";
import { TEXT_OPERATORS } from "./operators";

const HAS_SCHEME_RE = /^[a-z][a-z\d+.-]*:\/\//i;
const HTTP_RE = /^https?:$/;

function toUrl(text: string): URL | null {
  // URL.canParse avoids paying for a thrown exception on every junk value in a batch.
  return URL.canParse(text) ? new URL(text) : null;
}

export const urlType: FieldType = {
  name: "url",
  operators: TEXT_OPERATORS,
  compareAs: "text",
  parse(raw) {
    if (isBlank(raw)) return blankValue(raw);
    const text = raw.trim();
    // "example.com/page" is how people type URLs; LeadConduit reads it as http.
    const url = toUrl(HAS_SCHEME_RE.test(text) ? text : `http://${text}`);
    if (!url || !HTTP_RE.test(url.protocol) || !url.hostname) return invalidValue(raw);
    return {
      raw,
      normal: url.href,
      valid: true,
      protocol: url.protocol.slice(0, -1),
      host: url.host,
      port: url.port || null,
      path: url.pathname,
      query: url.search ? url.search.slice(1) : null,
      hash: url.hash || null,
    };
  },
};
