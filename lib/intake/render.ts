// Replies of the lead API: {"outcome","reason"?,"lead":{"id"},"price"} as JSON, or the same inside
// <result> as XML; a ping's reply the same without "lead". MessageBody is for in-app callers
// (submitLead, the Submission Docs' example); the API's own errors are text/plain (replies.ts).
import type { ProcessedLead } from "@/lib/flow/flow-store";
import type { ApiReply } from "./api-http";
import { classicBody } from "./classic-reply";
import type { ReplyFormat } from "./negotiate";
import type { MessageBody, PingBody, SubmitBody } from "./reply-bodies";


// Key order as LeadConduit sends it; reason only when there is one.
export function submitBodyOf(lead: ProcessedLead): SubmitBody {
  const reason = lead.reason ? { reason: lead.reason } : {};
  return { outcome: lead.outcome, ...reason, lead: { id: lead.id }, price: lead.price };
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

function xmlElements(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([name, v]) => `<${name}>${typeof v === "object" && v !== null ? xmlElements(v as Record<string, unknown>) : escapeXml(String(v))}</${name}>`)
    .join("");
}

export function renderBody(format: ReplyFormat, body: SubmitBody | PingBody | MessageBody): string {
  if (format.kind === "classic" && "lead" in body) return classicBody(body, format.leadUrl(body.lead.id));
  if (format.kind === "json") return JSON.stringify(body);
  const root = "message" in body ? "error" : "result";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${xmlElements(body)}</${root}>\n`;
}

export function reply(format: ReplyFormat, status: number, body: SubmitBody | PingBody | MessageBody, headers: Record<string, string> = {}): ApiReply {
  return {
    status,
    headers: { "content-type": `${format.contentType}; charset=utf-8`, "cache-control": "no-store", ...headers },
    body: renderBody(format, body),
  };
}
