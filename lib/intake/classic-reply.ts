// LeadConduit's "Standard Classic" reply, for sources built against LeadConduit Classic: always XML,
// always 201, <response> with result, reason (only when there is one), leadId, the lead's URL and
// price, pretty-printed, with Classic's DOCTYPE and no XML declaration, as LeadConduit sends it: its
// pretty-printer puts the URL's CDATA section on a line of its own inside <url>, and so do we.
import type { SubmitBody } from "./reply-bodies";

const DOCTYPE = '<!DOCTYPE response SYSTEM "https://app.leadconduit.com/dtd/response-v2-basic.dtd">';
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };
const escapeText = (text: string) => text.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c]!);
// A CDATA section cannot hold "]]>": split it across two sections.
const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

export function classicBody(body: SubmitBody, leadUrl: string): string {
  const lines = [DOCTYPE, "<response>", `  <result>${escapeText(body.outcome)}</result>`];
  if (body.reason) lines.push(`  <reason>${escapeText(body.reason)}</reason>`);
  lines.push(`  <leadId>${escapeText(body.lead.id)}</leadId>`, "  <url>", `    ${cdata(leadUrl)}`, "  </url>", `  <price>${body.price}</price>`, "</response>");
  return lines.join("\n");
}
