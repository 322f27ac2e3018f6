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

// LeadConduit builds its XML replies with xmlbuilder's pretty-printer: `<?xml version="1.0"?>`, one
// element per line indented by two spaces, no newline at the end, and only &, <, > (and CR) escaped
// in text. Sources parse these replies, some by hand, so they get the same bytes.
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };
const escapeXml = (text: string) => text.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c]!);

function xmlElements(value: Record<string, unknown>, indent: string): string[] {
  return Object.entries(value).flatMap(([name, v]) =>
    typeof v === "object" && v !== null
      ? [`${indent}<${name}>`, ...xmlElements(v as Record<string, unknown>, `${indent}  `), `${indent}</${name}>`]
      : [`${indent}<${name}>${escapeXml(String(v))}</${name}>`],
  );
}

export function renderBody(format: ReplyFormat, body: SubmitBody | PingBody | MessageBody): string {
  if (format.kind === "classic" && "lead" in body) return classicBody(body, format.leadUrl(body.lead.id));
  if (format.kind === "json") return JSON.stringify(body);
  const root = "message" in body ? "error" : "result";
  return ['<?xml version="1.0"?>', `<${root}>`, ...xmlElements(body, "  "), `</${root}>`].join("\n");
}

export function reply(format: ReplyFormat, status: number, body: SubmitBody | PingBody | MessageBody, headers: Record<string, string> = {}): ApiReply {
  return {
    status,
    headers: { "content-type": `${format.contentType}; charset=utf-8`, "cache-control": "no-store", ...headers },
    body: renderBody(format, body),
  };
}
