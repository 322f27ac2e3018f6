// Turns what a source sent into lead data: nested keys flattened to dotted ones, query-string
// parameters over body fields, LeadConduit's special parameters handled, the lead's limits enforced.
import type { LeadData } from "@/lib/flow/normalize";
import { flattenLead, type LeadLimits, type LimitBreach } from "./flatten-lead";

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

// Nesting past 32 levels is a malformed lead (400); the other limits are "too large" (413).
export const MAX_LEAD_DEPTH = 32;
export const MAX_VALUE_BYTES = 64 * 1024;
export const DEFAULT_MAX_FIELDS = 500;

export type LeadDataResult = { ok: true; data: LeadData } | { ok: false; status: 400 | 413; message: string };

function refusal(breach: LimitBreach, limits: LeadLimits): Extract<LeadDataResult, { ok: false }> {
  if (breach.kind === "depth") return { ok: false, status: 400, message: `The lead is nested more than ${limits.maxDepth} levels deep` };
  if (breach.kind === "fields") return { ok: false, status: 413, message: `The lead has more than ${limits.maxFields} fields` };
  const name = breach.field.length > 100 ? `${breach.field.slice(0, 100)}…` : breach.field;
  return { ok: false, status: 413, message: `The value of field ${name} is larger than ${limits.maxValueBytes / 1024} KB` };
}

export function leadDataOf(
  body: Record<string, unknown>,
  query: Record<string, unknown> = {},
  options: { maxFields?: number } = {},
): LeadDataResult {
  const limits: LeadLimits = { maxFields: options.maxFields ?? DEFAULT_MAX_FIELDS, maxDepth: MAX_LEAD_DEPTH, maxValueBytes: MAX_VALUE_BYTES };
  const fromBody = flattenLead(body, limits);
  if (!fromBody.ok) return refusal(fromBody.breach, limits);
  const fromQuery = flattenLead(query, limits);
  if (!fromQuery.ok) return refusal(fromQuery.breach, limits);
  // redir_url in the query string is where to send the browser, not lead data; in the body it is an
  // ordinary field, as LeadConduit reads it.
  const queryFields = Object.fromEntries(Object.entries(fromQuery.data).filter(([key]) => key !== REDIRECT_PARAM));
  const merged = { ...fromBody.data, ...queryFields };
  if (fromBody.count + fromQuery.count > limits.maxFields && Object.keys(merged).length > limits.maxFields) {
    return refusal({ kind: "fields" }, limits);
  }
  const data: LeadData = {};
  for (const [key, value] of Object.entries(merged)) {
    const name = key.toLowerCase() === TRUSTEDFORM_PARAM ? "trustedform_cert_url" : key.replace(NUL_RE, "");
    data[name] = value.replace(NUL_RE, "");
  }
  return { ok: true, data };
}

export type RedirectTarget = { ok: true; url: string | null } | { ok: false };

// redir_url, from the query string only (as LeadConduit): where a browser form post is sent after the lead is taken.
export function redirectTargetOf(query: Record<string, unknown>): RedirectTarget {
  const given = query[REDIRECT_PARAM];
  if (given === undefined) return { ok: true, url: null };
  const value = Array.isArray(given) ? given[0] : given;
  if (typeof value !== "string" || !URL.canParse(value)) return { ok: false };
  const url = new URL(value);
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host === "") return { ok: false };
  return { ok: true, url: url.href };
}
