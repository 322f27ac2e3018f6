// Turns what a source sent into lead data: nested keys flattened to dotted ones, query-string
// parameters over body fields, LeadConduit's special parameters handled.
import { flattenData, type LeadData } from "@/lib/flow/normalize";

// TrustedForm's script names its field xxTrustedFormCertUrl; LeadConduit stores it as trustedform_cert_url.
const TRUSTEDFORM_PARAM = "xxtrustedformcerturl";
const REDIRECT_PARAM = "redir_url";
// PostgreSQL text and jsonb cannot hold NUL characters.
const NUL_RE = /\u0000/g;

export function queryData(params: URLSearchParams): Record<string, string | string[]> {
  const data: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    data[key] = values.length === 1 ? values[0]! : values;
  }
  return data;
}

export function leadDataOf(body: Record<string, unknown>, query: Record<string, unknown> = {}): LeadData {
  const merged = { ...flattenData(body), ...flattenData(query) };
  const data: LeadData = {};
  for (const [key, value] of Object.entries(merged)) {
    if (key === REDIRECT_PARAM) continue;
    const name = key.toLowerCase() === TRUSTEDFORM_PARAM ? "trustedform_cert_url" : key.replace(NUL_RE, "");
    data[name] = value.replace(NUL_RE, "");
  }
  return data;
}

export type RedirectTarget = { ok: true; url: string | null } | { ok: false };

// redir_url, from the query string or the body: where a browser form post is sent after the lead is taken.
export function redirectTargetOf(body: Record<string, unknown>, query: Record<string, unknown>): RedirectTarget {
  const given = query[REDIRECT_PARAM] ?? body[REDIRECT_PARAM];
  if (given === undefined) return { ok: true, url: null };
  const value = Array.isArray(given) ? given[0] : given;
  if (typeof value !== "string" || !URL.canParse(value)) return { ok: false };
  const url = new URL(value);
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host === "") return { ok: false };
  return { ok: true, url: url.href };
}
