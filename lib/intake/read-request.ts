// Reads a lead API request into lead data: GET from the query string; POST from the body, by its
// Content-Type, with query-string parameters merged over it (LeadConduit's rules and statuses).
import type { LeadData } from "@/lib/flow/normalize";
import { env } from "@/lib/env";
import type { ApiRequest } from "./api-http";
import { leadDataOf, queryData, redirectTargetOf } from "./lead-data";
import { bodyFormatOf } from "./negotiate";
import { parseBody } from "./parse-body";

// A lead is a few kilobytes; anything near this is a mistake or an attack.
export const MAX_BODY_BYTES = 1024 * 1024;

export type LeadRequest =
  | { ok: true; data: LeadData; redirect: string | null }
  | { ok: false; status: 400 | 406 | 413 | 415; message: string };

const TOO_LARGE = { ok: false, status: 413, message: `Body is larger than ${MAX_BODY_BYTES} bytes` } as const;
const SUPPORTED = "application/x-www-form-urlencoded, application/json, application/xml, text/xml";

async function readBody(request: ApiRequest): Promise<{ ok: true; data: Record<string, unknown> } | Extract<LeadRequest, { ok: false }>> {
  if (Number(request.header("content-length") ?? 0) > MAX_BODY_BYTES) return TOO_LARGE;
  const text = await request.readText(MAX_BODY_BYTES);
  if (text === null) return TOO_LARGE;
  if (text.trim() === "") return { ok: true, data: {} };
  const contentType = request.header("content-type");
  if (!contentType) return { ok: false, status: 415, message: "Content-Type header is required" };
  const format = bodyFormatOf(contentType);
  if (!format) return { ok: false, status: 406, message: `MIME type in Content-Type header is not supported. Use only ${SUPPORTED}.` };
  const parsed = parseBody(format, text.trim(), { maxFields: env.LEAD_MAX_FIELDS });
  return parsed.ok ? parsed : { ok: false, status: parsed.status ?? 400, message: parsed.message };
}

export async function readLeadRequest(request: ApiRequest): Promise<LeadRequest> {
  const queryStart = request.path.indexOf("?");
  const query = queryData(new URLSearchParams(queryStart < 0 ? "" : request.path.slice(queryStart + 1)));
  const body = request.method === "POST" ? await readBody(request) : { ok: true as const, data: {} };
  if (!body.ok) return body;
  const redirect = redirectTargetOf(query);
  if (!redirect.ok) return { ok: false, status: 400, message: "Invalid redir_url" };
  // Limits (LEAD_MAX_FIELDS, 64 KB a value, 32 levels) are checked while flattening, before any
  // normalizing, so a refused lead costs little.
  const lead = leadDataOf(body.data, query, { maxFields: env.LEAD_MAX_FIELDS });
  if (!lead.ok) return lead;
  return { ok: true, data: lead.data, redirect: redirect.url };
}
