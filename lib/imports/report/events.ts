// Server-sent events of an import's progress, read from the database (so any app process can serve
// them, whichever worker does the work). Polls every half second and sends an event only when the
// import changed; the event id is the import's updated_at, so a reconnecting EventSource that sends
// Last-Event-ID gets nothing it has already seen. Once the import stops working the stream sends
// `event: end` and closes: the client closes its EventSource on it instead of reconnecting.
// Each event carries the view's counts and `howFar` (last line, last lead): every batch the import
// job commits moves updated_at, so the page's numbers and last line move with every batch saved.
import type { Database } from "@/db/client";
import { progressOf, type ImportProgress } from "./progress";
import { getImport } from "../store";
import { toImportView, WORKING_STATUSES, type ImportView } from "./view";

/** The data of one `progress` event. */
export type ProgressEvent = ImportView & { howFar: ImportProgress };

export type EventOptions = { lastEventId: string | null; signal?: AbortSignal; intervalMs?: number; keepAliveMs?: number; retentionDays: number };

export function importEvents(database: Database, importId: string, options: EventOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const interval = options.intervalMs ?? 500;
  const keepAlive = options.keepAliveMs ?? 15_000;
  let lastId = options.lastEventId;
  let quietSince = Date.now();
  let stopped = false;
  options.signal?.addEventListener("abort", () => (stopped = true));
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`retry: ${Math.max(interval, 1000)}\n\n`));
    },
    async pull(controller) {
      for (;;) {
        // Cancelled by the client (the stream is closed already) or the request was aborted.
        if (stopped) return closeQuietly(controller);
        const imp = await getImport(database, importId);
        if (!imp) return controller.close();
        const id = String(imp.updatedAt.getTime());
        const working = WORKING_STATUSES.has(imp.status);
        const changed = id !== lastId;
        if (changed) {
          lastId = id;
          quietSince = Date.now();
          const data: ProgressEvent = { ...toImportView(imp, options), howFar: await progressOf(database, imp) };
          controller.enqueue(encoder.encode(`id: ${id}\nevent: progress\ndata: ${JSON.stringify(data)}\n\n`));
        }
        if (!working) {
          controller.enqueue(encoder.encode(`event: end\ndata: ${JSON.stringify({ status: imp.status })}\n\n`));
          return controller.close();
        }
        if (changed) return;
        if (Date.now() - quietSince >= keepAlive) {
          quietSince = Date.now();
          controller.enqueue(encoder.encode(": keep-alive\n\n"));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
    cancel() {
      stopped = true;
    },
  });
}

function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>) {
  try {
    controller.close();
  } catch {
    // already closed by cancel()
  }
}
