"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { buttonClass, labelClass, Notice } from "@/app/_components/ui";
import { XLSX_CONTENT_TYPE } from "@/lib/imports/read/content-types";
import { authHeaders, importPagePath, uploadUrl, type UploadTarget, type WizardScope } from "@/lib/imports/wizard-scope";
import { formatBytes, percent } from "@/lib/imports/wizard-labels";

// Step 2: the file goes to the upload route as the raw request body (XMLHttpRequest, for its upload
// progress events), never through a Server Action, which would hold the whole file in memory. The
// server's refusal (empty file, old .xls workbook, zip bomb, too large, ...) is shown as it words it.

type Sent = { loaded: number; total: number };

/** `target`: the flow and source (null for a file naming its own), or "unset" while the holder has not chosen. */
export function UploadForm({ scope, target, children }: { scope: WizardScope; target: UploadTarget | "unset"; children?: React.ReactNode }) {
  const router = useRouter();
  const inputId = useId();
  const progressId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);
  const uploading = sent !== null;

  function upload(event: React.FormEvent) {
    event.preventDefault();
    const chosen = target;
    if (chosen === "unset") return setError("Choose the flow and source to import into.");
    if (!file) return setError("Choose a CSV or Excel (.xlsx) file first.");
    setError(null);
    setSent({ loaded: 0, total: file.size });
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", uploadUrl(chosen, file.name));
    // The server reads what the bytes are; the type only has to be one the API takes.
    xhr.setRequestHeader("Content-Type", isWorkbook(file) ? XLSX_CONTENT_TYPE : "text/csv");
    for (const [name, value] of Object.entries(authHeaders(scope))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => setSent({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      const body = readJson(xhr.responseText);
      if (xhr.status === 201 && typeof body?.id === "string") return router.push(importPagePath(scope, body.id, { step: "file" }));
      setSent(null);
      setError(typeof body?.error === "string" ? body.error : `The upload failed (HTTP ${xhr.status}). Try again.`);
    };
    xhr.onerror = () => {
      setSent(null);
      setError("The upload was interrupted. Check your connection and try again.");
    };
    xhr.onabort = () => setSent(null);
    xhr.send(file);
  }

  function choose(files: FileList | null) {
    setFile(files?.[0] ?? null);
    setError(null);
  }

  return (
    <form onSubmit={upload} className="space-y-4" aria-describedby={error ? `${inputId}-error` : undefined}>
      {children}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? "border-blue-600 bg-blue-50" : "border-slate-300 bg-white"}`}
      >
        <label htmlFor={inputId} className={labelClass}>
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          accept={`.csv,.txt,.tsv,.xlsx,text/csv,text/plain,${XLSX_CONTENT_TYPE}`}
          disabled={uploading}
          onChange={(e) => choose(e.target.files)}
          className="mx-auto mt-2 block text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
        <p className="mt-2 text-sm text-slate-600">Choose a CSV or Excel (.xlsx) file, or drop it here. The first row may name the columns; you can change how it is read next.</p>
        {file && (
          <p className="mt-2 text-sm font-medium text-slate-800">
            {file.name} · {formatBytes(file.size)}
          </p>
        )}
      </div>
      {sent && (
        <div className="space-y-1">
          <label htmlFor={progressId} className="text-sm font-medium">
            Upload progress
          </label>
          <progress id={progressId} max={sent.total || 1} value={sent.loaded} className="block h-3 w-full" />
          <p className="text-sm text-slate-700">
            {sent.loaded >= sent.total ? "Sent. Reading the file…" : `${formatBytes(sent.loaded)} of ${formatBytes(sent.total)} sent (${percent(sent.loaded, sent.total)}%)`}
          </p>
        </div>
      )}
      {error && (
        <div id={`${inputId}-error`}>
          <Notice tone="error">{error}</Notice>
        </div>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={uploading} className={buttonClass("primary")}>
          {uploading ? "Uploading…" : "Upload"}
        </button>
        {uploading && (
          <button type="button" onClick={() => request.current?.abort()} className={buttonClass("secondary")}>
            Stop the upload
          </button>
        )}
      </div>
    </form>
  );
}

const isWorkbook = (file: File) => file.type === XLSX_CONTENT_TYPE || /\.xlsx$/i.test(file.name);

function readJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
