// Node's HTTP request and response as the lead API's ApiRequest and ApiReply (lib/intake/api-http.ts).
// Deliberately not a fetch Request: creating one and streaming its body through web streams cost
// more CPU per lead than the flow itself in the submit benchmark (docs/benchmarks.md), and an adapter
// library (@hono/node-server) does exactly that conversion. The body is a few kilobytes; it is read
// whole, up to the API's limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiReply, ApiRequest } from "@/lib/intake/api-http";

export function apiRequestOfNode(req: IncomingMessage): ApiRequest {
  return {
    method: req.method ?? "GET",
    path: req.url ?? "/",
    header: (name) => headerOf(req, name),
    readText: (limit) => readText(req, limit),
    aborted: () => req.destroyed && !req.complete,
  };
}

export function writeReply(res: ServerResponse, reply: ApiReply): void {
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

// Node joins repeated headers with ", " already, except the few it keeps as arrays.
function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function readText(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done(); // the rest is discarded; Node drains it after the reply
      resolve(null);
    };
    const onEnd = () => {
      done();
      resolve(new TextDecoder().decode(Buffer.concat(chunks)));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onClose = () => {
      if (req.complete) return;
      done();
      reject(new Error("The client closed the connection before sending the whole body"));
    };
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}
