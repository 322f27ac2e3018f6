// The wizard's side of a resumable upload (browser only): tus-js-client sends the file in chunks to
// /api/uploads, retries a dropped connection, and keeps the upload's URL in localStorage under the
// file's fingerprint, so choosing the same file again after a reload continues where it stopped.
// The fingerprint names the target too: the same file for another flow and source is a new upload.
import { Upload, type DetailedError, type HttpResponse, type UploadOptions } from "tus-js-client";
import { authHeaders, type UploadTarget, type WizardScope } from "../wizard-scope";

export const UPLOADS_ENDPOINT = "/api/uploads";
/** Small enough to pass proxies' body limits and lose little to a cut, big enough to be few requests. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** A connection that drops is tried again for about two minutes before the wizard says so. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];
const POLL_MS = 1000;
/** Staging a file at IMPORT_MAX_BYTES takes a minute or two; past this something went wrong. */
const POLL_GIVE_UP_MS = 15 * 60_000;

export type UploadEnd = { status: "ok"; importId: string } | { status: "error"; message: string };

export type ResumableUpload = {
  /** Resolves with the byte it resumed from (0 for a new upload) once sending has started. */
  started: Promise<number>;
  finished: Promise<UploadEnd>;
  /** Stops sending; the upload stays resumable until it expires. */
  stop(): void;
};

type Options = { scope: WizardScope; target: UploadTarget; onProgress(sent: number, total: number): void };

export function startResumableUpload(file: File, { scope, target, onProgress }: Options): ResumableUpload {
  let end: (value: UploadEnd) => void = () => {};
  const finished = new Promise<UploadEnd>((resolve) => (end = resolve));
  const headers = authHeaders(scope);
  const upload: Upload = new Upload(file, {
    endpoint: UPLOADS_ENDPOINT,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS,
    headers,
    metadata: { filename: file.name, filetype: file.type, ...(target ? { flowId: target.flowId, sourceId: target.sourceId } : {}) },
    fingerprint: async (f: File) => ["leadport", target ? `${target.flowId}.${target.sourceId}` : "multi", f.name, f.type, f.size, f.lastModified].join("-"),
    removeFingerprintOnSuccess: true,
    onProgress,
    onSuccess: ({ lastResponse }) => void importOf(lastResponse, upload.url, headers).then(end),
    onError: (error) => {
      // A refusal (4xx) ends the upload; a connection that stayed down leaves it to resume.
      const status = "originalResponse" in error ? (error.originalResponse?.getStatus() ?? 0) : 0;
      if (status >= 400 && status < 500) void forget(upload);
      end({ status: "error", message: messageOf(error) });
    },
  } satisfies UploadOptions);
  const started = upload.findPreviousUploads().then((previous) => {
    const last = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
    if (last) upload.resumeFromPreviousUpload(last);
    upload.start();
    return last ? resumedFrom(last.uploadUrl, headers) : 0;
  });
  return { started, finished, stop: () => void upload.abort(false) };
}

/** The import a whole upload became: on the last answer, or (a reply lost, staging under way elsewhere) by asking HEAD until it says. */
async function importOf(response: HttpResponse | null, url: string | null, headers: Record<string, string>): Promise<UploadEnd> {
  const giveUp = Date.now() + POLL_GIVE_UP_MS;
  for (let answer = response ? headersOf(response) : null; Date.now() < giveUp; answer = await head(url, headers)) {
    const importId = answer?.get("x-import-id");
    if (importId) return { status: "ok", importId };
    const error = answer?.get("x-import-error");
    if (error) return { status: "error", message: decodeURIComponent(error) };
    if (answer && answer.get("status") !== "200" && answer.get("status") !== "204") return { status: "error", message: `The upload could not be finished (HTTP ${answer.get("status")}). Upload the file again.` };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { status: "error", message: "The file arrived, but reading it is taking too long. Look for it under Imports in a few minutes." };
}

function headersOf(response: HttpResponse): Map<string, string> {
  const names = ["x-import-id", "x-import-error"];
  return new Map([["status", String(response.getStatus())], ...names.flatMap((name) => (response.getHeader(name) ? [[name, response.getHeader(name)!] as [string, string]] : []))]);
}

async function head(url: string | null, headers: Record<string, string>): Promise<Map<string, string> | null> {
  if (!url) return null;
  try {
    const res = await fetch(url, { method: "HEAD", headers: { ...headers, "Tus-Resumable": "1.0.0" }, cache: "no-store" });
    return new Map([["status", String(res.status)], ...[...res.headers.entries()].filter(([name]) => name.startsWith("x-import-"))]);
  } catch {
    return null; // offline for a moment: ask again
  }
}

async function resumedFrom(url: string | null, headers: Record<string, string>): Promise<number> {
  if (!url) return 0;
  const res = await fetch(url, { method: "HEAD", headers: { ...headers, "Tus-Resumable": "1.0.0" }, cache: "no-store" }).catch(() => null);
  return res?.ok ? Number(res.headers.get("upload-offset") ?? 0) : 0;
}

/** After a refusal the stored URL leads nowhere useful: the next try of this file starts afresh. */
async function forget(upload: Upload): Promise<void> {
  const storage = upload.options.urlStorage;
  if (!storage || !upload.url) return;
  for (const previous of await upload.findPreviousUploads()) if (previous.uploadUrl === upload.url) await storage.removeUpload(previous.urlStorageKey);
}

function messageOf(error: Error | DetailedError): string {
  const response = "originalResponse" in error ? error.originalResponse : null;
  if (!response) return "The upload was interrupted. Check your connection, then choose the same file again: it continues where it stopped.";
  try {
    const body = JSON.parse(response.getBody()) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // not JSON: a tus protocol answer, worded below
  }
  return `The upload failed (HTTP ${response.getStatus()}). Try again.`;
}
