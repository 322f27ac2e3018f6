// The Submission Docs behind /docs/{token}: what the page shows, and its interactive example, which
// sends a real test lead through the same submitLead path as the API. The token is the only
// credential; it names its flow and source, so no id from the browser is ever trusted here.
import { env } from "@/lib/env";
import { replyFormatFor } from "@/lib/intake/handle-submit";
import { flowMetaOf } from "@/lib/intake/meta";
import { pingBodyOf } from "@/lib/intake/ping";
import { renderBody } from "@/lib/intake/render";
import type { SubmitTarget } from "@/lib/intake/queries";
import { findSubmitTarget, submitLead } from "@/lib/intake/submit-lead";
import { resolveDocsToken } from "./docs-access";
import { asTestLead, curlCommand, exampleMethods, exampleRequest, sampleValues, type ExampleMethod } from "./example-request";
import { submitUrlFor } from "./links";
import { docsUrl } from "./tokens";

export async function getSubmissionDocs(token: string) {
  const access = await resolveDocsToken(token);
  if (!access) return null;
  const target = await findSubmitTarget(access.flowId, access.sourceId, { fresh: true });
  if (!target) return null;
  const meta = flowMetaOf(target);
  const submitUrl = submitUrlFor({ id: access.sourceId, flowId: access.flowId });
  const auth = access.requireApiKey ? { apiKey: "YOUR_API_KEY" } : {};
  const data = sampleValues(meta.fields);
  const requests = Object.fromEntries(exampleMethods.map((method) => [method, curlCommand(exampleRequest({ submitUrl, method, data }), auth)]));
  const ping = pingExample(submitUrl, data, auth);
  return { ...access, meta, submitUrl, docsUrl: docsUrl(env.APP_URL, token), requests: requests as Record<ExampleMethod, string>, replyFormat: target.context.source.config.replyFormat ?? "standard", replies: exampleReplies(target), ping };
}

// LeadConduit's ping: the submission URL ending in /ping, the same fields (and API key), a price
// and no lead id; the replies rendered as the API renders them.
function pingExample(submitUrl: string, data: Record<string, string>, auth: { apiKey?: string }) {
  const url = submitUrl.replace(/\/submit$/, "/ping");
  return {
    url,
    request: curlCommand(exampleRequest({ submitUrl: url, method: "form", data }), auth),
    replies: {
      bid: renderBody(JSON_FORMAT, pingBodyOf({ outcome: "success", reason: null, price: 15 })),
      noBid: renderBody(JSON_FORMAT, pingBodyOf({ outcome: "success", reason: null, price: 0 })),
    },
  };
}

const JSON_FORMAT = { kind: "json", contentType: "application/json" } as const;
const XML_FORMAT = { kind: "xml", contentType: "application/xml" } as const;

// In the source's reply format: a Classic source is shown the <response> it will get.
function exampleReplies(target: SubmitTarget) {
  const lead = { id: "5462cdc5869bdb81148ece10" };
  const json = replyFormatFor(target, JSON_FORMAT);
  return {
    success: renderBody(json, { outcome: "success", lead, price: 15 }),
    failure: renderBody(json, { outcome: "failure", reason: "duplicate", lead, price: 0 }),
    error: renderBody(json, { outcome: "error", reason: "Recipient could not be reached", lead, price: 0 }),
    xml: renderBody(replyFormatFor(target, XML_FORMAT), { outcome: "success", lead, price: 15 }),
  };
}

export type SubmissionDocs = NonNullable<Awaited<ReturnType<typeof getSubmissionDocs>>>;

export type ExampleResult =
  | { status: "sent"; httpStatus: number; contentType: string; reply: string; outcome: string }
  | { status: "not_found" };

// The browser shows the curl command for asTestLead(values); the reply is rendered as the API renders
// it for that command's Accept header and the source's reply format.
export async function sendDocsExample(input: { token: string; method: ExampleMethod; values: Record<string, string> }): Promise<ExampleResult> {
  const access = await resolveDocsToken(input.token);
  if (!access) return { status: "not_found" };
  const data = asTestLead(input.values);
  const result = await submitLead({ flowId: access.flowId, sourceId: access.sourceId, accountId: access.accountId, data, isTest: true });
  const negotiated = input.method === "xml" ? XML_FORMAT : JSON_FORMAT;
  const target = await findSubmitTarget(access.flowId, access.sourceId, { fresh: true });
  const format = target ? replyFormatFor(target, negotiated) : negotiated;
  const outcome = "outcome" in result.body ? result.body.outcome : "error";
  return { status: "sent", httpStatus: result.status, contentType: format.contentType, reply: renderBody(format, result.body), outcome };
}
