// One POST of a webhook body: to a public address only (unless RECIPIENT_ALLOW_PRIVATE), resolved
// once and connected to as checked (lib/flow/steps/address-guard.ts, as recipient steps do), no
// redirect followed, a 10-second limit, and the reply read only as far as 64 KB.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { guardedLookup, internalAddressError, isPublicAddress } from "@/lib/flow/steps/address-guard";

export type PostResult = { ok: true; status: number } | { ok: false; reason: string };
export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<PostResult>;

const TIMEOUT_MS = 10_000;
const MAX_REPLY_BYTES = 64 * 1024;

export function webhookPost(allowPrivate: boolean): Post {
  return async (target, body, headers) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { ok: false, reason: "The webhook URL is not a URL" };
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) return { ok: false, reason: reasonFor(internalAddressError(host, host)) };
    try {
      const status = await send(url, body, headers, allowPrivate);
      return status >= 200 && status <= 299 ? { ok: true, status } : { ok: false, reason: `The receiver answered HTTP ${status}` };
    } catch (error) {
      return { ok: false, reason: reasonFor(error) };
    }
  };
}

function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EINTERNALADDRESS") return "The webhook URL points to an internal address";
  if (code === "ETIMEDOUT_WEBHOOK") return `The receiver did not answer within ${TIMEOUT_MS / 1000} seconds`;
  return "The receiver could not be reached";
}

function send(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const req = client.request(url, { method: "POST", headers, lookup: allowPrivate ? undefined : (guardedLookup as never), agent: false }, (res) => {
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) res.destroy();
      });
      res.on("close", () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
    });
    const timer = setTimeout(() => {
      const error: NodeJS.ErrnoException = new Error("timeout");
      error.code = "ETIMEDOUT_WEBHOOK";
      req.destroy(error);
    }, TIMEOUT_MS);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
