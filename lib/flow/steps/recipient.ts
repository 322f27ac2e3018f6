// Delivers a lead to a buyer's URL and reads {outcome, reason} from a JSON or XML reply.
// Network failures, timeouts, non-2xx replies and replies without an outcome are `error`.
import { XMLParser } from "fast-xml-parser";
import type { DeliveryResult } from "../flow-store";
import type { NormalizedLead, RecipientStep } from "../model";

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
const OUTCOMES = new Set(["success", "failure", "error"]);

export function recipientPayload(step: RecipientStep, lead: NormalizedLead): Record<string, string> {
  const payload: Record<string, string> = {};
  const value = (id: string) => {
    const v = lead[id];
    return v ? String(v.normal ?? v.raw ?? "") : "";
  };
  if (step.mappings.length === 0) for (const id in lead) payload[id] = value(id);
  else for (const { field, param } of step.mappings) payload[param] = value(field);
  return payload;
}

export function readReply(contentType: string, body: string): DeliveryResult {
  let parsed: unknown;
  try {
    if (/json/i.test(contentType) || /^\s*[{[]/.test(body)) parsed = JSON.parse(body);
    else if (/xml/i.test(contentType) || /^\s*</.test(body)) {
      const doc = xml.parse(body) as Record<string, unknown>;
      parsed = Object.values(doc).find((v) => typeof v === "object") ?? doc;
    }
  } catch {
    return { outcome: "error", reason: "Recipient reply could not be read" };
  }
  const reply = (parsed ?? {}) as { outcome?: unknown; reason?: unknown };
  const outcome = String(reply.outcome ?? "").toLowerCase();
  if (!OUTCOMES.has(outcome)) return { outcome: "error", reason: "Recipient reply had no outcome" };
  const reason = reply.reason === undefined || reply.reason === null || reply.reason === "" ? null : String(reply.reason);
  return { outcome: outcome as DeliveryResult["outcome"], reason };
}

export async function deliverLead(step: RecipientStep, payload: Record<string, string>): Promise<DeliveryResult> {
  const body = step.format === "json" ? JSON.stringify(payload) : new URLSearchParams(payload).toString();
  const contentType = step.format === "json" ? "application/json" : "application/x-www-form-urlencoded";
  try {
    const res = await fetch(step.url, {
      method: "POST",
      headers: { "content-type": contentType, accept: "application/json, application/xml;q=0.9" },
      body,
      signal: AbortSignal.timeout(step.timeoutMs),
      redirect: "manual",
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) return { outcome: "error", reason: `Recipient answered HTTP ${res.status}` };
    return readReply(res.headers.get("content-type") ?? "", text);
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { outcome: "error", reason: timedOut ? `Recipient did not answer within ${step.timeoutMs} ms` : "Recipient could not be reached" };
  }
}
