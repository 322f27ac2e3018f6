// Drives the import API's route handlers in-process, as Next would: the upload body is a
// ReadableStream sent in small chunks, like a browser or curl sending a file.
import * as sourceImports from "@/app/api/flows/[flowId]/sources/[sourceId]/imports/route";
import * as cancelRoute from "@/app/api/imports/[id]/cancel/route";
import * as confirmRoute from "@/app/api/imports/[id]/confirm/route";
import * as eventsRoute from "@/app/api/imports/[id]/events/route";
import * as mappingRoute from "@/app/api/imports/[id]/mapping/route";
import * as problemsCsvRoute from "@/app/api/imports/[id]/problems.csv/route";
import * as problemsRoute from "@/app/api/imports/[id]/problems/route";
import * as resultsCsvRoute from "@/app/api/imports/[id]/results.csv/route";
import * as resultsRoute from "@/app/api/imports/[id]/results/route";
import * as summaryRoute from "@/app/api/imports/[id]/summary/route";
import * as importRoute from "@/app/api/imports/[id]/route";
import * as settingsRoute from "@/app/api/imports/[id]/settings/route";
import * as validateRoute from "@/app/api/imports/[id]/validate/route";
import * as accountImports from "@/app/api/imports/route";
import { expect } from "vitest";
import { getDatabase } from "@/db";
import { runImportJob } from "@/lib/imports/jobs/job";

/** A reply's JSON body, once its status is checked (the body shows in the failure message). */
export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const response = await res;
  const body = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status });
  return body as T;
}

export const basic = (apiKey: string) => `Basic ${Buffer.from(`API:${apiKey}`).toString("base64")}`;

export function streamOf(content: string | Uint8Array, chunkSize = 4096): ReadableStream<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

type Target = { flowId: string; sourceId: string; apiKey: string };
type UploadInit = { query?: string; headers?: Record<string, string>; chunkSize?: number; auth?: string };

/** Uploads `content` in small chunks, or a stream as its own chunks (a body without a Content-Length). */
export function uploadFile(target: Target, content: string | Uint8Array | ReadableStream<Uint8Array>, init: UploadInit = {}): Promise<Response> {
  const url = `http://localhost:3000/api/flows/${target.flowId}/sources/${target.sourceId}/imports${init.query ? `?${init.query}` : ""}`;
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: init.auth ?? basic(target.apiKey), ...init.headers },
    body: content instanceof ReadableStream ? content : streamOf(content, init.chunkSize),
    duplex: "half",
  } as RequestInit);
  return sourceImports.POST(request, { params: Promise.resolve({ flowId: target.flowId, sourceId: target.sourceId }) });
}

export function uploadMultiFlow(cookie: string, content: string): Promise<Response> {
  const request = new Request("http://localhost:3000/api/imports", {
    method: "POST",
    headers: { "content-type": "text/csv", cookie },
    body: streamOf(content),
    duplex: "half",
  } as RequestInit);
  return accountImports.POST(request);
}

const routes = {
  status: importRoute,
  settings: settingsRoute,
  mapping: mappingRoute,
  validate: validateRoute,
  confirm: confirmRoute,
  cancel: cancelRoute,
  problems: problemsRoute,
  "problems.csv": problemsCsvRoute,
  results: resultsRoute,
  "results.csv": resultsCsvRoute,
  summary: summaryRoute,
  events: eventsRoute,
} as const;

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Calls /api/imports/{id}/{route} with the given credentials (an API key or a full Authorization/Cookie). */
export function callImport(id: string, route: keyof typeof routes, init: { method?: string; auth: string; body?: unknown; query?: string; headers?: Record<string, string> }) {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const path = route === "status" ? "" : `/${route}`;
  const credentials: Record<string, string> = init.auth.startsWith("lp_session=")
    ? { cookie: init.auth }
    : { authorization: init.auth.startsWith("lpk_") ? basic(init.auth) : init.auth };
  const request = new Request(`http://localhost:3000/api/imports/${id}${path}${init.query ? `?${init.query}` : ""}`, {
    method,
    headers: { ...credentials, ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const handler = (routes[route] as unknown as Record<string, Handler>)[method];
  if (!handler) throw new Error(`${route} has no ${method}`);
  return handler(request, { params: Promise.resolve({ id }) });
}

/** Runs the import's background job to the end in this process, as the worker would. */
export async function runJobToEnd(id: string, options: Parameters<typeof runImportJob>[2] = {}) {
  for (let slice = 0; slice < 1000; slice++) {
    const result = await runImportJob(getDatabase(), id, options);
    if (result !== "more") return result;
  }
  throw new Error("the import job did not finish");
}
