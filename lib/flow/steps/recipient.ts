// Delivers a lead to a buyer's URL and reads {outcome, reason} from a JSON or XML reply.
// Network failures, timeouts, non-2xx replies and replies without an outcome are `error`.
// Every request carries the delivery's Idempotency-Key (see delivery-ledger.ts), goes only to a
// public address resolved once (address-guard.ts), follows no redirect, and waits its turn behind
// the host's other deliveries in this process (host-gate.ts).
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { envSchema } from "@/lib/env-schema";
import type { DeliveryRef, DeliveryResult } from "../flow-store";
import type { NormalizedLead, RecipientStep } from "../model";
import { guardedLookup, internalAddressError, isPublicAddress } from "./address-guard";
import { createHostGate, type HostGate } from "./host-gate";

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
const OUTCOMES = new Set(["success", "failure", "error"]);
/** A reply longer than this is not read further (and is then unreadable): a buyer cannot fill our memory. */
const MAX_REPLY_BYTES = 1024 * 1024;
/** What the delivery ledger keeps of a reply. */
const KEPT_REPLY_CHARS = 2000;

const settingsSchema = envSchema.pick({ RECIPIENT_ALLOW_PRIVATE: true, RECIPIENT_MAX_CONCURRENCY_PER_HOST: true });

/** Read at each call, so a test (or an operator's restart) changes it without a module reload. */
export function recipientSettings() {
  const s = settingsSchema.parse(process.env);
  return { allowPrivate: s.RECIPIENT_ALLOW_PRIVATE === true, maxPerHost: s.RECIPIENT_MAX_CONCURRENCY_PER_HOST };
}

let processGate: HostGate | null = null;
const defaultGate = () => (processGate ??= createHostGate(recipientSettings().maxPerHost));

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

export type DeliverOptions = { allowPrivate?: boolean; gate?: HostGate };

export async function deliverLead(step: RecipientStep, payload: Record<string, string>, ref?: DeliveryRef, options: DeliverOptions = {}): Promise<DeliveryResult> {
  const body = step.format === "json" ? JSON.stringify(payload) : new URLSearchParams(payload).toString();
  const headers: Record<string, string> = {
    "content-type": step.format === "json" ? "application/json" : "application/x-www-form-urlencoded",
    accept: "application/json, application/xml;q=0.9",
  };
  if (ref) headers["idempotency-key"] = ref.key;
  const url = new URL(step.url);
  const allowPrivate = options.allowPrivate ?? recipientSettings().allowPrivate;
  const gate = options.gate ?? defaultGate();
  try {
    const reply = await gate.run(url.host, () => post(url, { body, headers, timeoutMs: step.timeoutMs, allowPrivate }));
    const kept = { responseStatus: reply.status, responseBody: reply.text.slice(0, KEPT_REPLY_CHARS) };
    if (reply.status < 200 || reply.status > 299) return { outcome: "error", reason: `Recipient answered HTTP ${reply.status}`, ...kept };
    return { ...readReply(reply.contentType, reply.text), ...kept };
  } catch (err) {
    return { outcome: "error", reason: failureReason(err, step) };
  }
}

function failureReason(err: unknown, step: RecipientStep): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "EINTERNALADDRESS") return "Recipient URL points to an internal address";
  if (code === "ETIMEDOUT_DELIVERY") return `Recipient did not answer within ${step.timeoutMs} ms`;
  if (code === "EREPLYTOOLARGE") return "Recipient reply could not be read";
  return "Recipient could not be reached";
}

type Reply = { status: number; contentType: string; text: string };
type Request = { body: string; headers: Record<string, string>; timeoutMs: number; allowPrivate: boolean };

// node:http rather than fetch: its `lookup` hook lets the connection use the very address that was
// checked, and it never follows a redirect (a 3xx is just a non-2xx answer).
function post(url: URL, request: Request): Promise<Reply> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!request.allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) return Promise.reject(internalAddressError(host, host));
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Reply>((resolve, reject) => {
    const fail = (code: string) => {
      clearTimeout(timer);
      const error: NodeJS.ErrnoException = new Error(code);
      error.code = code;
      reject(error);
      req.destroy();
    };
    const timer = setTimeout(() => fail("ETIMEDOUT_DELIVERY"), request.timeoutMs);
    const req = client.request(
      url,
      { method: "POST", headers: request.headers, lookup: request.allowPrivate ? undefined : (guardedLookup as never), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) fail("EREPLYTOOLARGE");
          else chunks.push(chunk);
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", (err) => {
          clearTimeout(timer);
          reject(err);
        });
      },
    );
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(request.body);
  });
}
