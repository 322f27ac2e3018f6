"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { buttonClass, labelClass, Notice } from "@/app/_components/ui";
import { XLSX_CONTENT_TYPE } from "@/lib/imports/read/content-types";
import { startResumableUpload, type ResumableUpload } from "@/lib/imports/upload/tus-client";
import { importPagePath, type UploadTarget, type WizardScope } from "@/lib/imports/wizard-scope";
import { formatBytes, percent } from "@/lib/imports/wizard-labels";

// Step 2: the file goes to the resumable upload endpoint (tus, lib/imports/upload/tus-client.ts) in
// chunks, never through a Server Action, which would hold the whole file in memory. A dropped
// connection is retried; after a reload, choosing the same file continues where it stopped. The
// server's refusal (empty file, old .xls workbook, zip bomb, too large, ...) is shown as it words it.

type Sent = { loaded: number; total: number };

/** `target`: the flow and source (null for a file naming its own), or "unset" while the holder has not chosen. */
export function UploadForm({ scope, target, children }: { scope: WizardScope; target: UploadTarget | "unset"; children?: React.ReactNode }) {
  const router = useRouter();
  const inputId = useId();
  const progressId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const [dragging, setDragging] = useState(false);
  const request = useRef<ResumableUpload | null>(null);
  const uploading = sent !== null;

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const chosen = target;
    if (chosen === "unset") return setError("Choose the flow and source to import into.");
    if (!file) return setError("Choose a CSV or Excel (.xlsx) file first.");
    setError(null);
    setStopped(false);
    setResumedAt(null);
    setSent({ loaded: 0, total: file.size });
    const started = startResumableUpload(file, { scope, target: chosen, onProgress: (loaded, total) => setSent({ loaded, total }) });
    request.current = started;
    void started.started.then((from) => setResumedAt(from > 0 ? from : null));
    const end = await started.finished;
    request.current = null;
    if (end.status === "ok") return router.push(importPagePath(scope, end.importId, { step: "file" }));
    setSent(null);
    setError(end.message);
  }

  function stop() {
    request.current?.stop();
    request.current = null;
    setSent(null);
    setStopped(true);
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
          {resumedAt !== null && (
            <p className="text-sm text-slate-700">
              Continuing your earlier upload of this file from {percent(resumedAt, sent.total)}%.
            </p>
          )}
          <p className="text-sm text-slate-700">
            {sent.loaded >= sent.total ? "Sent. Reading the file…" : `${formatBytes(sent.loaded)} of ${formatBytes(sent.total)} sent (${percent(sent.loaded, sent.total)}%)`}
          </p>
        </div>
      )}
      {stopped && <Notice tone="info">Upload stopped. Upload the same file again to continue where it stopped.</Notice>}
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
          <button type="button" onClick={stop} className={buttonClass("secondary")}>
            Stop the upload
          </button>
        )}
      </div>
    </form>
  );
}
